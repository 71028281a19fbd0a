# Bodies of one event run highest &priority first; bodies of equal
# priority run in the order their files were loaded. "event" queues: the
# raising handler finishes first.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

@load ./other

event e(s: string) &priority=-10 { print "main -10", s; }
event e(s: string) { print "main 0", s; }
event e(s: string) &priority=20 { print "main 20", s; }

event bro_init()
	{
	event e("x");
	print "bro_init ends";
	}

@TEST-START-FILE other.bro
global e: event(s: string);

event e(s: string) &priority=10 { print "other 10", s; }
event e(s: string) { print "other 0", s; }
event e(s: string) &priority=-20 { print "other -20", s; }
@TEST-END-FILE
