##! A first script: greets at start-up, then counts down with events.

module Hello;

export {
	## Who to greet.
	const who = "world" &redef;

	## How many times to tick.
	const ticks = 3 &redef;

	## Raised once per tick until the count runs out.
	global tick: event(n: count);
}

event Hello::tick(n: count)
	{
	print "tick", n;
	if ( n > 1 )
		event Hello::tick(n - 1);
	}

event bro_init()
	{
	print "hello", who;
	event Hello::tick(ticks);
	}

event bro_done()
	{
	print "goodbye", who;
	}
