# A cast of a Broker::Data whose $data field is unset fails, and the
# message says so before the expression in brackets (Bro's CastExpr::Eval);
# the error ends the handler.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local d: Broker::Data;
	print d as count;
	print "not reached";
	}

event bro_init() &priority=-1
	{
	local e = Broker::data(5);
	print e as count;
	}
