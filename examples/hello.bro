##! A first script: greets at start-up and counts down with a timer.

module Hello;

export {
	## Who to greet.
	const who = "world" &redef;

	## How many times to tick before stopping.
	const ticks = 3 &redef;

	## Raised once a second until the count runs out.
	global tick: event(n: count);
}

event Hello::tick(n: count)
	{
	print fmt("tick %d", n);
	if ( n > 1 )
		schedule 1 sec { Hello::tick(n - 1) };
	}

event bro_init()
	{
	print fmt("hello, %s", who);
	event Hello::tick(ticks);
	}
