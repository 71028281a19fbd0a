# A run-time error ends the body it happens in; the event's other bodies
# and the events after it still run, and the process ends normally.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

global e: event(n: count);

event e(n: count)
	{
	local zero = 0;
	print "handling", n;
	if ( n == 1 )
		print n / zero;
	if ( n == 2 )
		print n % zero;
	print "handled", n;
	}

event e(n: count) &priority=-1
	{
	print "second body", n;
	}

event bro_init()
	{
	event e(1);
	event e(2);
	event e(3);
	}

event bro_done()
	{
	print "bro_done";
	}
