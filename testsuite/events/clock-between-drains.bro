# Without packets, network_time() follows the wall clock and moves between
# passes of the main loop; each pass drains two rounds of events. An event
# that raises itself again sees the start-up time in its first round (the
# start-up drain's second round, bro_init being the first), then a new
# time every two rounds: 19 rounds print 10 distinct times.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: sort out | uniq -c | awk '{print $1}' >counts
# @TEST-EXEC: btest-diff counts
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

global rounds = 0;
global again: event();

event again()
	{
	++rounds;
	if ( rounds == 20 )
		{
		terminate();
		return;
		}
	print network_time();
	event again();
	}

event bro_init()
	{
	event again();
	}
