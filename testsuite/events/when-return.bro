# An asynchronous function ("return when") answers a "when" that calls
# it, whether its own condition holds at once or only later; the waiting
# "when" is evaluated again once the answer is there.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global x = 0;
global y = 0;
global set_y: event();

function now(): count
	{
	return when ( x > 0 )
		{
		return x;
		}
	}

function later(): count
	{
	return when ( y > 0 )
		{
		return y * 10;
		}
	}

event set_y()
	{
	y = 4;
	print "y set";
	}

event bro_init()
	{
	x = 3;
	when ( local r = now() )
		{
		print "local from now()", r;
		}
	when ( now() == 3 )
		{
		print "now() in a condition";
		}
	when ( local s = later() )
		{
		print "local from later()", s;
		}
	print "bro_init ends";
	event set_y();
	}

event bro_done()
	{
	print "bro_done";
	}
