# An unknown identifier ends parsing at once, like a syntax error; the
# script does not run and later errors are not reported.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	print "not run";
	print foo;
	print 1 + "x";
	}
