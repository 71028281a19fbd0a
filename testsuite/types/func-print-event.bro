# An event's or hook's value describes all its bodies, highest priority
# first, back to back; one without bodies is its name and a newline.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global ping: event(n: count);
global silent: event(s: string);
global check: hook(n: count);

event ping(n: count) &priority=-5
	{
	print "late", n;
	}

event ping(n: count) &priority=5
	{
	if ( n > 0 )
		schedule 1 sec { ping(n - 1) };
	}

hook check(n: count)
	{
	if ( n == 0 )
		break;
	}

event bro_init()
	{
	print ping;
	print silent;
	print check;
	print [$ev=silent];
	}
