# Files: opening, printing to them (plain and raw), writing, closing,
# and directory operations, with their failures.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err
# @TEST-EXEC: btest-diff plain.txt
# @TEST-EXEC: btest-diff raw.txt

event bro_init()
	{
	local f = open("plain.txt");
	print 1, f;
	print fmt("%s", f), cat(f, "|");
	print get_file_name(f), active_file(f);
	print f, "a\tb", 1, 2.5, T;
	print f, 80/tcp, 1.2.3.4;
	print f;
	print write_file(f, "written\n"), write_file(f, "");
	print close(f), active_file(f), close(f);
	print f, "after close";
	print write_file(f, "after close");
	local a = open_for_append("plain.txt");
	print a, "appended";
	close(a);
	print file_size("plain.txt"), file_size("no-such-file");

	local r = open("raw.txt");
	enable_raw_output(r);
	print r, "a\tb", 1, "\n";
	set_buf(r, F);
	close(r);

	local bad = open("no-such-dir/x.txt");
	print active_file(bad), get_file_name(bad);
	print bad, "lost";

	print mkdir("testdir"), mkdir("testdir");
	local t = open("testdir/testfile");
	close(t);
	print rename("testdir/testfile", "testdir/testfile2"), rename("testdir", "testdir2");
	print unlink("testdir2/testfile2"), rmdir("testdir2");
	print unlink("nonexisting"), rename("a", "b"), rmdir("nonexisting");
	print mkdir("plain.txt");
	print flush_all();
	local o = open("-");
	print o, "to standard output";
	print get_file_name(o), active_file(o);
	}
