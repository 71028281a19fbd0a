# Operand type errors are reported with the expression at fault; every
# error in the file is reported and nothing runs.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

const limit = 10;

event bro_init()
	{
	local c: count = 1;
	local s = "a";
	print "not run";
	print c + s;
	print 1.5 % 2.0;
	print s < c;
	print c & 1.0;
	limit = 5;
	c = s;
	print 1 as string;
	}
