# Events raised by a handler are queued behind those already waiting, and
# run only after the current event's handlers have all finished.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global a: event();
global b: event(n: count);
global c: event(n: count);
global never_raised: event(n: count);

event c(n: count) { print "c", n; }
event b(n: count) { print "b", n; event c(n); }
event a() { print "a starts"; event b(1); event b(2); print "a ends"; }
event a() &priority=-1 { print "a, second body"; }
event never_raised(n: count) { print "never printed"; }

event bro_init()
	{
	print "bro_init starts";
	event a();
	event c(0);
	print "bro_init ends";
	}

event bro_done()
	{
	print "bro_done";
	}
