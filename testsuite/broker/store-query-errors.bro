# Store queries answer only inside a "when" condition that has a timeout
# block; elsewhere they report Bro 2.6's error and yield a failure at
# once. The location of the error (in store.bro) is left out.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err.raw
# @TEST-EXEC: sed -E 's#^error in .*/store\.bro, line [0-9]+:#error in store.bro:#' err.raw >err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

global h: opaque of Broker::Store;

event bro_init()
	{
	h = Broker::create_master("q");
	Broker::put(h, "a", 1);
	print "outside when", Broker::get(h, "a");
	when ( local r = Broker::get(h, "a") )
		{
		print "when without timeout", r;
		}
	when ( local r2 = Broker::exists(h, "a") )
		{
		print "when with timeout", r2;
		terminate();
		}
	timeout 1sec
		{
		print "timeout";
		}
	print "bro_init ends";
	}
