# The event statement and schedule check their event as Bro 2.6's
# EventExpr does: a name that is no function type is not an event (even
# one never declared), its arguments are checked as a call's (parameter
# defaults included), and a function or hook, which yield a value, is not
# raised.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global e: event(n: count, s: string &default="x");
global h: hook(n: count);
global v = 1;

function f(n: count): count
	{
	return n;
	}

event bro_init()
	{
	event e(1);
	event e("a");
	event nosuch(1);
	event v();
	event f(2);
	event h(3);
	schedule 1 sec { e(1, 2) };
	}
