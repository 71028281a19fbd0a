# -a checks the scripts and exits without running them: with status 1 and
# Bro's messages when they have errors.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -a -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global x: count = 1;

event bro_init()
	{
	print "not run";
	x = "one";
	}
