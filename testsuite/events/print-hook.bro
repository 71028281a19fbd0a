# print_hook is raised after every print when it has a handler, with the
# file and what was printed, without its newline; for a file with raw
# output, the raw bytes.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global n = 0;

event print_hook(f: file, s: string)
	{
	++n;
	if ( n < 10 )
		print fmt("hook %d: %s", n, s);
	}

event bro_init()
	{
	print "hello", 1;
	local f = open("x.txt");
	print f, "to file", T;
	enable_raw_output(f);
	print f, "raw\x01";
	}
