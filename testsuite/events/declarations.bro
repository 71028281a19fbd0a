# An event is declared by "global e: event(...)" or by its first
# handler; either way code after the declaration can raise it. Handlers
# of events that are never raised are fine, and so is an event without
# handlers. A handler can come after the code that raises its event.
# Arguments left out take the parameters' &default values.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global declared: event(n: count);
global no_handlers: event(s: string);
global with_default: event(n: count, s: string &default="dflt");

event with_default(n: count, s: string &default="dflt")
	{
	print "with_default", n, s;
	}

event implicit_default(a: count, b: count &default=7)
	{
	print "implicit_default", a, b;
	}

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
	event with_default(1);
	event with_default(2, "given");
	schedule 1 sec { with_default(3) };
	event implicit_default(4);
	}

event declared(n: count)
	{
	print "declared", n;
	}
