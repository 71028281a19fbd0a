# As in Bro 2.6, a run-time error ends the function body it happens in;
# the call yields no value, so the statement that made it does nothing,
# and the caller goes on with its next statement. (Bro 2.6 also warns
# "non-void function returns without a value: inner", at a location this
# suite cannot pin down, so only the errors are checked on stderr.)
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: test "$(grep -cF "expression error in ./t.bro, line 12: invalid cast of value with type 'string' to type 'count' [a as count]" err)" = 2

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
