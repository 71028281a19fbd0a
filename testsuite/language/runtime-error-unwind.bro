# A run-time error in a function unwinds through every function call to
# the event handler or hook body that made them: that body ends, the
# next one runs.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

function inner(a: any): count
	{
	return a as count;
	}

function outer(a: any): count
	{
	local x = inner(a);
	print "outer: after inner";
	return x;
	}

hook h(a: any) &priority=5
	{
	print "hook body 1";
	outer(a);
	print "hook body 1: not reached";
	}

hook h(a: any)
	{
	print "hook body 2";
	}

event bro_init() &priority=10
	{
	print outer(1);
	print outer("x");
	print "first handler: not reached";
	}

event bro_init()
	{
	print "second handler";
	print hook h("y");
	}
