# Bro 2.6 slices strings only.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global v = vector(1, 2, 3);

event bro_init()
	{
	print v[0:1];
	print v[1:];
	}
