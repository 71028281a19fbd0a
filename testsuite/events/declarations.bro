# An event is declared by "global e: event(...)" or by its first
# handler; either way code after the declaration can raise it. Handlers
# of events that are never raised are fine, and so is an event without
# handlers. A handler can come after the code that raises its event.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global declared: event(n: count);
global no_handlers: event(s: string);

event implicit(s: string)
	{
	print "implicit", s;
	}

event never_raised(a: addr)
	{
	print "never raised", a;
	}

event bro_init()
	{
	event declared(1);
	event implicit("x");
	event no_handlers("y");
	event implicit("z");
	}

event declared(n: count)
	{
	print "declared", n;
	}
