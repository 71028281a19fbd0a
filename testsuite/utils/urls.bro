# find_all_urls, find_all_urls_without_scheme, decompose_uri.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/urls

event bro_init()
	{
	print find_all_urls("see http://www.example.com/a/b.html?x=1 now");
	print find_all_urls_without_scheme("go to https://bro.org/download and stop");
	print |find_all_urls("nothing to find")|;

	local u = decompose_uri("https://www.example.com:8080/dir/file.tar.gz?a=1&b=two&flag");
	print u$scheme, u$netlocation, u$portnum, u$path;
	print u$file_name, u$file_base, u$file_ext;
	print |u$params|, u$params["a"], u$params["b"];

	print decompose_uri("/index.html");
	print decompose_uri("example.com");
	print decompose_uri("http://h/dir/");
	print decompose_uri("h/x?only=1");
	}
