# The same holds for schedule.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global e: event(n: count);

event bro_init()
	{
	local v = e;
	schedule 1sec { v(6) };
	}
