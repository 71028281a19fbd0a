# Files from open() and open_for_append() are fully buffered: file_size()
# sees what was printed only after flush_all() or close(); set_buf(f, F)
# makes a file line-buffered; what is left buffered is written at the end.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: btest-diff c.txt

event bro_init()
	{
	local a = open("a.txt");
	print a, "0123456789";
	print file_size("a.txt");
	flush_all();
	print file_size("a.txt");
	local b = open_for_append("b.txt");
	print b, "0123";
	print file_size("b.txt");
	close(b);
	print file_size("b.txt");
	local l = open("l.txt");
	set_buf(l, F);
	print l, "line";
	print file_size("l.txt");
	local c = open("c.txt");
	print c, "kept until the end";
	}
