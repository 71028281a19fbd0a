# Loops over vectors, strings and one-element sets; while with break and
# next; functions with recursion and defaults.
# @TEST-EXEC: bro -b %INPUT >out
# @TEST-EXEC: btest-diff out

function fib(n: count): count
	{
	if ( n < 2 )
		return n;
	return fib(n - 1) + fib(n - 2);
	}

function greet(who: string &default="world"): string
	{
	return "hello " + who;
	}

global s: set[string] = { "only" };

event bro_init()
	{
	local v: vector of string;
	v[0] = "a";
	v[1] = "b";
	v[|v|] = "c";
	for ( i in v )
		print i, v[i];
	for ( ch in "xyz" )
		print ch;
	for ( e in s )
		print e, e in s, "other" in s;
	local n = 0;
	while ( T )
		{
		++n;
		if ( n == 2 )
			next;
		if ( n > 4 )
			break;
		print "n", n;
		}
	print fib(20), greet(), greet("gobro");
	}
