##! Summary line
module Foo;

export {
	## The type.
	type R: record {
		a: count &log;   ##< field a
		b: string &optional &default="x";
	};
	## An option.
	const opt = 5 sec &redef;
	global t: table[count, string] of R = table() &default=[$a=1];
	redef enum Log::ID += { LOG };
}

function f(x: count, y: string &default="z"): count
	{
	local z = x + 1;
	if ( z > 3 && y in t ) print fmt("%s", z); else { return 0; }
	for ( [a, b] in t ) next;
	for ( k in s ) break;
	when ( |t| > 0 ) { print "x"; } timeout 5 min { print "y"; }
	switch ( z ) { case 1, 2: print "a"; fallthrough; case 3: break; default: print "d"; }
	schedule 5 secs { Foo::ev(1) };
	t[1, "a"] = [$a=2];
	delete t[1, "a"];
	local p = /foo/i | /bar/;
	local q = x / 2;
	local r = s[1:3] + s[:-1];
	local v: vector of count = vector(1,2,3);
	local a = 10.0.0.0/8; local b6 = [fe80::]/64; local c6 = [::ffff:1.2.3.4];
	local pt = 80/tcp; local iv = 1.5 hrs; local d = .03E2; local h = 0xff;
	local fn = function(a: count): count { return a * 2; };
	local w = r$a?$b;
	local xx = y as count;
	local bb = y is string;
	return hook h(1) ? 1 : 2;
	}

@if ( Cluster::is_enabled() )
event bro_init() &priority=5 { print "cluster"; }
@else
event bro_init() &priority=5 { print "no cluster"; }
@endif
print "done";
