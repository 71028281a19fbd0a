# Broker::data converts every type Broker carries; data_type names what it
# holds; "as", "is" and type cases convert a Broker::Data back.
# @TEST-EXEC: bro -b %INPUT >out
# @TEST-EXEC: btest-diff out

type Color: enum { RED, GREEN, BLUE };
type Inner: record { x: int; y: string &optional; };
type R: record {
	a: count;
	b: Inner;
	c: set[string] &optional;
	d: double &default = 2.5;
};

event bro_init()
	{
	local b = Broker::data(T);
	print Broker::data_type(b), b as bool;
	local c = Broker::data(42);
	print Broker::data_type(c), c as count;
	local i = Broker::data(-7);
	print Broker::data_type(i), i as int;
	local d = Broker::data(1.5);
	print Broker::data_type(d), d as double;
	local s = Broker::data("hello");
	print Broker::data_type(s), s as string;
	local a4 = Broker::data(10.1.2.3);
	print Broker::data_type(a4), a4 as addr;
	local a6 = Broker::data([2001:db8::1]);
	print Broker::data_type(a6), a6 as addr;
	local n4 = Broker::data(10.0.0.0/8);
	print Broker::data_type(n4), n4 as subnet;
	local n6 = Broker::data([2001:db8::]/32);
	print Broker::data_type(n6), n6 as subnet;
	local p1 = Broker::data(80/tcp);
	local p2 = Broker::data(53/udp);
	local p3 = Broker::data(3/icmp);
	print Broker::data_type(p1), p1 as port, p2 as port, p3 as port;
	local t = Broker::data(double_to_time(1.5));
	print Broker::data_type(t), t as time == double_to_time(1.5);
	local iv = Broker::data(3sec);
	print Broker::data_type(iv), iv as interval;
	local e = Broker::data(GREEN);
	print Broker::data_type(e), e as Color;

	local st = Broker::data(set(1, 2, 3));
	local sc = st as set[count];
	print Broker::data_type(st), |sc|, 1 in sc, 2 in sc, 3 in sc, 4 in sc;
	local tb = Broker::data(table(["one", 1] = 1.0, ["two", 2] = 2.0));
	local tt = tb as table[string, count] of double;
	print Broker::data_type(tb), |tt|, tt["one", 1], tt["two", 2];
	local v = Broker::data(vector("x", "y"));
	print Broker::data_type(v), v as vector of string;

	local r: R = [$a=1, $b=[$x=-2]];
	local rd = Broker::data(r);
	print Broker::data_type(rd), rd as R;
	print Broker::record_size(rd);

	# Broker::Data values print their datum.
	print c, s;
	print Broker::Data();

	# "is" tests whether a conversion would work.
	print c is count, c is int, c is string, s is string;
	print rd is R, rd is Inner, v is vector of string, v is vector of count;
	print Broker::data(vector(1)) is R;

	# A Broker::Data held in an any converts the same way.
	local x: any = Broker::data(7);
	print x as count;

	# Type cases.
	local ds = vector(c, s, b);
	for ( k in ds )
		{
		switch ( ds[k] ) {
		case type count as cnt:
			print "count", cnt;
			break;
		case type string as str:
			print "string", str;
			break;
		default:
			print "other";
			break;
		}
		}
	}
