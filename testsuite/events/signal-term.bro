# SIGTERM ends a process that would run until terminate(): the reporter
# says so, net_done runs, pending timers fire (their events run), then
# bro_done, and the process exits with status 0. SIGINT does the same.
# @TEST-EXEC: cp %INPUT t.bro && $SCRIPTS/run-and-signal TERM ready bro -b t.bro >out 2>err; echo $? >>out
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err
# @TEST-EXEC: $SCRIPTS/run-and-signal INT ready bro -b t.bro >out-int 2>err-int; echo $? >>out-int
# @TEST-EXEC: cmp out out-int
# @TEST-EXEC: cmp err err-int

redef exit_only_after_terminate = T;

global tick: event(n: count);

event tick(n: count)
	{
	print "tick", n, bro_is_terminating();
	}

event net_done(t: time)
	{
	print "net_done", bro_is_terminating();
	}

event bro_init()
	{
	print "bro_init";
	schedule 1 hr { tick(1) };
	local f = open("ready");
	close(f);
	}

event bro_done()
	{
	print "bro_done", bro_is_terminating();
	}
