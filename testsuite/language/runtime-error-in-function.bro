# As in Bro 2.6, a run-time error ends the function body it happens in;
# the call yields no value, so the statement that made it does nothing,
# and the caller goes on with its next statement.
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
	return 1;
	}

event bro_init() &priority=10
	{
	print outer(1);
	print outer("x");
	print "first handler goes on";
	print inner("y");
	print "and on";
	}

event bro_init()
	{
	print "second handler";
	}
