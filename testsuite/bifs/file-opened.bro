# file_opened is raised when a script opens a file, and handled at once,
# inside the open call, before anything is written; a file that cannot be
# opened raises nothing, and neither do the standard streams.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff written.txt

event file_opened(f: file)
	{
	print "file_opened", get_file_name(f);
	write_file(f, "header\n");
	}

event bro_init()
	{
	local f = open("written.txt");
	print "opened";
	print f, "body";
	close(f);
	local g = open_for_append("written.txt");
	print g, "appended";
	close(g);
	local h = open("no/such/dir/x.txt");
	local o = open("-");
	local e = open("/dev/stderr");
	print "done";
	}
