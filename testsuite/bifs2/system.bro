# system() puts the command in the background through sh, its standard
# output going to standard error, and returns the status of doing so (0),
# not the command's exit status.
# @TEST-EXEC: bro -b %INPUT >output 2>stderr
# @TEST-EXEC: sleep 1
# @TEST-EXEC: cat ran >>output
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: echo from-stdout >expected-stderr && cmp stderr expected-stderr

event bro_init()
	{
	print system("echo ran >ran");
	print system("exit 3");
	print system("echo from-stdout");
	}
