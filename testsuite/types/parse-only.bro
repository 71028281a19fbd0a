# bro -a loads and checks the scripts and exits without running them.
# @TEST-EXEC: bro -a -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	print "bro_init";
	}
