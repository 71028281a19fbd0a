# terminate() in bro_init, without exit_only_after_terminate: the queued
# events still run, then bro_done; the process exits with status 0.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

global later: event();

event later()
	{
	print "later", bro_is_terminating();
	}

event bro_init()
	{
	print "terminate", terminate();
	print "still in bro_init", bro_is_terminating();
	event later();
	}

event bro_done()
	{
	print "bro_done", bro_is_terminating();
	}
