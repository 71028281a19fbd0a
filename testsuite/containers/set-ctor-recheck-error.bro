# When the set constructor's elements do not fit the set assigned to,
# their errors come first, then the assignment's.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global lea: set[string];

event bro_init()
	{
	lea = set(1003);
	}
