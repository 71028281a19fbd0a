# rotate_file moves an open file's content aside and goes on writing to
# a fresh file; rotate_file_by_name does it by name; calc_next_rotate is
# within the interval.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: btest-diff a.txt
# @TEST-EXEC: btest-diff b.txt

event bro_init()
	{
	local f = open("a.txt");
	print f, "before";
	local info = rotate_file(f);
	print info$old_name, info$new_name == fmt("a.txt.%d.%.6f.tmp", getpid(), network_time());
	print file_size(info$new_name), info$open == network_time();
	print f, "after";
	close(f);
	local g = open("b.txt");
	print g, "b";
	close(g);
	local info2 = rotate_file_by_name("b.txt");
	print info2$old_name, file_size(info2$new_name), file_size("b.txt");
	local n = calc_next_rotate(1hr);
	print n > 0sec, n <= 1hr;
	}
