# An event statement or a schedule naming a local is refused by the
# parser, which stops there.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global e: event(n: count);

event bro_init()
	{
	local v = e;
	event v(6);
	schedule 1sec { v(6) };
	}
