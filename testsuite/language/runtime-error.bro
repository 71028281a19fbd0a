# A run-time error is reported with the expression at fault; it ends the
# handler it happens in, and the other handlers and events still run.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

global next_one: event();

event next_one()
	{
	print "next event runs";
	}

event bro_init()
	{
	local zero = 0;
	print "before";
	event next_one();
	print 10 / zero;
	print "not reached";
	}

event bro_init() &priority=-5
	{
	print "other handler runs";
	}
