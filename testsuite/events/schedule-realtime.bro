# With exit_only_after_terminate the process runs in real time: timers
# fire when they are due, network_time follows the clock, and terminate()
# ends the loop; then bro_done runs.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

global start: time;
global tick: event(n: count);
global stop: event();

event tick(n: count)
	{
	print "tick", n, network_time() > start;
	}

event stop()
	{
	print "stop", terminate();
	}

event bro_init()
	{
	start = network_time();
	schedule 300 msec { tick(3) };
	schedule 100 msec { tick(1) };
	schedule 200 msec { tick(2) };
	schedule 400 msec { stop() };
	}

event bro_done()
	{
	print "bro_done", bro_is_terminating();
	}
