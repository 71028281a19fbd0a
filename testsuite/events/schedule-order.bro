# Scheduled events fire in time order, whatever order they were scheduled
# in. With nothing to keep the process running they do not wait for their
# time: the pending timers fire as the process shuts down, before
# bro_done.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global tick: event(s: string);

event tick(s: string) { print "tick", s; }

event bro_init()
	{
	schedule 30 secs { tick("30s") };
	schedule 10 secs { tick("10s") };
	schedule 20 secs { tick("20s") };
	event tick("queued");
	print "bro_init ends";
	}

event bro_done()
	{
	print "bro_done";
	}
