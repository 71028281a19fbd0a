# basename, dirname, extract_path, compress_path, build_path.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/paths

event bro_init()
	{
	print basename("/usr/local/bin/bro"), basename("bro"), basename("/dir/"),
	      basename("C:\\Windows\\system32\\cmd.exe");
	print dirname("/usr/local/bin/bro"), dirname("bro"), dirname("/bro"), dirname("a/b");
	print extract_path("file at /var/log/bro/conn.log was read"),
	      extract_path("no path"), extract_path("see \"/tmp/x y\"");
	print compress_path("/a/b/../c"), compress_path("a/./b//c/"),
	      compress_path("../../x"), compress_path("../.."),
	      compress_path("/a/b/c/../../d"), compress_path("/");
	print compress_path("a/..") == "";
	print build_path("/base", "file"), build_path("/base", "/abs/file"),
	      build_path("/base", "C:\\x"), build_path_compressed("/base/sub", "../file");
	}
