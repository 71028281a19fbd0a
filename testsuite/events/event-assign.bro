# Assigning an event to an event-typed global makes raising it run the
# assigned event's handlers, as Bro sets the handler with the value.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global e4: event(n: count);
global e5: event(n: count);
event e4(n: count) { print "e4", n; }
event e5(n: count) { print "e5", n; }
event bro_init()
	{
	e5 = e4;
	event e5(6);
	}
