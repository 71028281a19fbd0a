# With check_for_unused_event_handlers, an event that has handlers but that
# nothing raises (no event statement or schedule, no reference by name, not
# an event of the engine's) gets a warning at start-up.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err
# @TEST-EXEC: bro -b t.bro check_for_unused_event_handlers=F >out-off 2>err-off
# @TEST-EXEC: cmp out out-off
# @TEST-EXEC: test ! -s err-off

redef check_for_unused_event_handlers = T;

global never: event(n: count);
global raised: event();
global named: event();
global scheduled: event();

event never(n: count) { print "never"; }
event raised() { print "raised"; }
event named() { print "named"; }
event scheduled() { print "scheduled"; }

event bro_init()
	{
	event raised();
	local e = named;
	schedule 1 sec { scheduled() };
	}

event bro_done()
	{
	print "bro_done";
	}
