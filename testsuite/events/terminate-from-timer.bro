# terminate() called from a scheduled event while the main loop runs ends
# the run as a signal does: the reporter says so on stderr, then bro_done.
# Called again once shutting down, it returns F.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

global stop: event();

event stop()
	{
	print "stop", terminate();
	}

event bro_init()
	{
	schedule 0.1 sec { stop() };
	}

event bro_done()
	{
	print "bro_done", terminate();
	}
