# A statement made of an expression Bro 2.6 counts pure draws the warning
# "expression value ignored" when it is checked: constants, constant
# names (functions among them), and operators over pure operands. Names
# of variables and options, assignments, increments, calls, hook calls
# and schedules are not pure. Warnings do not stop the run.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

const k = 3;
global g = 1;
option o = 2;
global e: event();
global h: hook();

function f(n: count): count
	{
	return n;
	}

event e()
	{
	}

event bro_init()
	{
	local x = 1;
	1 + 2;
	x;
	k;
	g;
	o;
	x + 1;
	k * 2;
	f(1);
	f;
	x == 1;
	"foo";
	[$a=1];
	x += 1;
	++x;
	x = 2;
	|k|;
	(1);
	T ? 1 : 2;
	hook h();
	schedule 1 sec { e() };
	print "ran", x;
	}

2 * 3;
