# Every construct of the language passes "gobro check" without a word.
# @TEST-EXEC: gobro check %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

##! Summary of the file.
@load base/frameworks/notice
@load-sigs ./sigs
@load-plugin Demo::Plugin
@unload policy/misc/loaded-scripts
@prefixes += lcl
@deprecated "use something else"

module Demo;

export {
	## A record type with every kind of field attribute.
	type Info: record {
		ts:    time     &log;             ##< when
		id:    conn_id  &log &optional;
		names: set[string] &default=set();
		cnt:   count    &log &default=0;
	} &redef;

	type Color: enum { RED, GREEN = 10, BLUE, };
	type Fn: function(a: count, b: string &default="x"): bool;
	type Ev: event(c: count);
	type Hk: hook(c: count);
	type Log2: file of string;
	type O: opaque of md5;
	type V: vector of table[count, addr] of set[port];
	type L: list of count;

	redef enum Log::ID += { LOG };
	redef record Info += { extra: string &optional &log; };

	const hosts: set[addr] = { 1.2.3.4, [::1], [fe80::1], [::ffff:1.2.3.4] } &redef;
	const nets: set[subnet] = { 10.0.0.0/8, 192.168.0.0 / 16, [fe80::]/64 } &redef;
	option verbose = F;
	global t: table[count] of string = table([1] = "a", [2] = "b") &default="" &create_expire=5 min;
	global expiring: table[string] of count &read_expire=1.5 hrs &write_expire=30secs
		&expire_func=function(t: table[string] of count, k: string): interval { return 0 secs; };
	global e: event(n: count);
	global h: hook(n: count);
}

redef Demo::verbose = T;
redef Notice::policy += {
	[$pred(n: Notice::Info) = { return T; }, $priority = 10],
};
redef Site::local_nets += { 172.16.0.0/12 };
redef Site::local_nets -= { 172.16.0.0/12 };

global numbers = vector(1, 2, 3);
global doubles = vector(3., .03E2, 1e10, +3.0E-0, 0xff, 5);
global intervals = vector(1usec, 2 msec, 3sec, 4 secs, 5min, 6 mins, 1.5 hrs, 7hr, 1day, 2 days);
global ports = vector(80/tcp, 53/udp, 8/icmp, 0/unknown);
global strings = vector("plain", "\x41\n\t\"\\", "");
global patterns = vector(/fo+/, /a\/b/i, /x/ | /y/, /x/ & /y/);

function f(a: count, b: string &default="z"): count
	{
	local x = a + 1;
	local y: int = -5;
	const z = 3;
	++x;
	--x;
	x += 2;
	x -= 1;
	local ratio = x / 2;
	local m = x % 3 * 4 - 1;
	local s = b[1:3] + b[:-1] + b[2:] + b[1];
	local c = x > 1 ? "big" : "small";
	local ok = ( x == 1 || x != 2 ) && ! ( x < 3 ) && x <= 4 && x >= 5;
	local inside = 1 in t && 3 !in t && [1] in t && 1.2.3.4 in 10.0.0.0/8;
	local n = |t| + |b|;
	local r = Info($ts=network_time());
	local r2: Info = [$ts=network_time(), $cnt=1];
	r$cnt = 3;
	if ( r?$id ) delete r$id;
	local cp = copy(r);
	local anyval: any = x;
	if ( anyval is count ) print anyval as count;
	local tt = table(["a", 1] = 2);
	local st = set(1, 2);
	local vv = vector("a");
	local lam = function(q: count): count { return q * 2; };
	print lam(3), f(1), f(1, "b");
	print fmt("%s %d", @FILENAME, 1), @DIR;
	add st[3];
	delete st[3];
	delete t[1];
	tt["b", 2] = 3;
	vv[|vv|] = "b";
	local res = hook h(1);
	for ( k in t )
		next;
	for ( [k1, k2] in tt )
		break;
	for ( i in vv )
		print i, vv[i];
	while ( x < 10 )
		x += 1;
	switch ( c )
		{
		case "big", "huge":
			print "big";
			fallthrough;
		case "small":
			break;
		default:
			print "?";
		}
	switch ( anyval )
		{
		case type count as cnt:
			print cnt;
			break;
		case type string, type addr:
			break;
		}
	when ( |t| > 0 )
		{
		print "non-empty";
		}
	timeout 5 sec
		{
		print "timed out";
		}
	when ( local name = lookup_addr(1.2.3.4) )
		print name;
	schedule 10 secs { Demo::e(1) };
	event Demo::e(2);
	@if ( Demo::verbose )
	print "verbose";
	@endif
	;
	{ }
	return x;
	}

function g(): string
	{
	return when ( Demo::verbose )
		{
		return "v";
		}
	timeout 1 min
		{
		return "t";
		}
	}

event Demo::e(n: count) &priority=5
	{
	print n;
	}

hook Demo::h(n: count) &priority=-3
	{
	if ( n > 1 )
		break;
	}

redef event Demo::e(n: count)
	{
	}

@ifdef ( Demo::nothing )
global gone = 1;
@else
global there = 1;
@endif

@ifndef ( Demo::verbose )
global absent = 2;
@endif

@if ( Demo::verbose &&
      1 > 0 )
event bro_init() { print "multi-line condition"; }
@endif

event bro_init()
	{
	local f = open("out.log");
	print f, "to a file";
	close(f);
	}

print "top-level statements come last";
if ( T ) print "yes"; else print "no";
