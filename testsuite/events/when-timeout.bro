# A "when" with a timeout runs its timeout block if the condition does not
# hold in time; "return when" makes a function asynchronous: called in a
# "when" condition, its result arrives when its own condition holds.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

global flag = F;
global answer = 0;
global set_flag: event();
global stop: event();

function async_double(n: count): count
	{
	return when ( answer > 0 )
		{
		return 2 * n + answer;
		}
	}

event set_flag()
	{
	flag = T;
	answer = 2;
	print "flag set";
	schedule 100 msec { stop() };
	}

event stop()
	{
	terminate();
	}

event bro_init()
	{
	when ( flag )
		{
		print "first: flag seen";
		}
	timeout 100 msec
		{
		print "first: timed out";
		}

	when ( flag )
		{
		print "second: flag seen";
		}
	timeout 5 secs
		{
		print "second: timed out";
		}

	when ( local r = async_double(20) )
		{
		print "async result", r;
		}

	schedule 300 msec { set_flag() };
	}

event bro_done()
	{
	print "bro_done";
	}
