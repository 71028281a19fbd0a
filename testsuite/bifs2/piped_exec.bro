# piped_exec() writes the string to the program's standard input and
# waits for it.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: cat piped.out count.out >>output
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	print piped_exec("cat >piped.out", "line one\nline two\n");
	print piped_exec("wc -c >count.out", "");
	}
