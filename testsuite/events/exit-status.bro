# exit(n) ends the process at once with status n: no further handlers
# run, nor bro_done. Reporter::fatal ends it the same way with status 1,
# after its message. current_time() is the wall clock; without packets
# network_time() follows it, so it is never ahead.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err; echo "status $?" >>out
# @TEST-EXEC: bro -b fatal.bro >>out 2>>err; echo "status $?" >>out
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

global later: event();
global never: event();

event bro_init()
	{
	print "bro_init", current_time() > double_to_time(1500000000.0), network_time() <= current_time();
	event later();
	event never();
	}

event later()
	{
	print "later";
	exit(7);
	print "not reached";
	}

event never()
	{
	print "never";
	}

event bro_done()
	{
	print "bro_done";
	}

@TEST-START-FILE fatal.bro
event bro_init()
	{
	print "fatal.bro";
	Reporter::fatal("cannot go on");
	print "not reached";
	}

event bro_done()
	{
	print "bro_done";
	}
@TEST-END-FILE
