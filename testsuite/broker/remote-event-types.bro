# Events published to a peer carry every type of value Broker carries in
# Bro 2.6 (Data.cc's val_to_data and data_to_val), and arrive as their
# handler declares them: an any parameter receives a Broker::Data, which
# "as" turns back into its value. The received values print as the same
# values printed locally do; the handler runs once per event and knows
# that the event is remote.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run recv "bro -b ../common.bro ../recv.bro >out"
# @TEST-EXEC: btest-bg-run send "bro -b ../common.bro ../send.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff recv/out
# @TEST-EXEC: btest-diff send/out

@TEST-START-FILE common.bro
module Test;

export {
	type Color: enum { RED, GREEN, BLUE };

	type Inner: record {
		s: string;
		v: vector of count;
	};

	type Rec: record {
		a: count;
		b: string &optional;
		c: Inner &optional;
		d: double &default = 1.5;
	};

	global scalars: event(c: count, i: int, d: double, b: bool, s: string,
	                      p1: port, p2: port, p3: port, t: time, iv: interval,
	                      e: Color);
	global addresses: event(a4: addr, a6: addr, n4: subnet, n6: subnet);
	global containers: event(st: set[string], sc: set[count, string],
	                         tb: table[string] of count,
	                         tv: table[addr] of vector of string,
	                         v: vector of count, vv: vector of vector of int);
	global records: event(r1: Rec, r2: Rec, rs: vector of Rec);
	global anys: event(a: any, va: vector of any);
	global done: event();
}
@TEST-END-FILE

@TEST-START-FILE recv.bro
redef exit_only_after_terminate = T;

event bro_init()
	{
	Broker::subscribe("test/types");
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	}

event Test::scalars(c: count, i: int, d: double, b: bool, s: string,
                    p1: port, p2: port, p3: port, t: time, iv: interval,
                    e: Test::Color)
	{
	print "scalars", is_remote_event();
	print c, i, d, b, s;
	print p1, p2, p3, t, iv, e;
	}

event Test::addresses(a4: addr, a6: addr, n4: subnet, n6: subnet)
	{
	print "addresses", a4, a6, n4, n6;
	}

event Test::containers(st: set[string], sc: set[count, string],
                       tb: table[string] of count,
                       tv: table[addr] of vector of string,
                       v: vector of count, vv: vector of vector of int)
	{
	print "containers", |st|, "a" in st, "b" in st, "z" in st;
	print |sc|, [1, "x"] in sc, [2, "y"] in sc, [2, "x"] in sc;
	print |tb|, tb["one"], tb["two"];
	print |tv|, tv[10.0.0.1], tv[[2001:db8::1]];
	print v, vv;
	}

event Test::records(r1: Test::Rec, r2: Test::Rec, rs: vector of Test::Rec)
	{
	print "records", r1, r2;
	print |rs|, rs[0], rs[1]$c$v, r2?$b, r2?$c;
	}

event Test::anys(a: any, va: vector of any)
	{
	print "anys", a as count, |va|;
	print va[0] as string, va[1] as addr, va[2] as vector of count;
	}

event Test::done()
	{
	print "done";
	# The peering's counters (gobro's Broker::peer_stats): the six
	# events came in, nothing was dropped or malformed.
	local stats = Broker::peer_stats();
	print |stats|, stats[0]$msgs_in >= 6, stats[0]$bytes_in > 0, stats[0]$drops, stats[0]$bad_frames;
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE send.bro
redef exit_only_after_terminate = T;

event bro_init()
	{
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	Broker::publish("test/types/1", Test::scalars, 42, -7, 3.25, T, "a string\twith tab",
	                 80/tcp, 53/udp, 8/icmp, double_to_time(1500000000.5),
	                 150sec, Test::GREEN);
	Broker::publish("test/types/2", Test::addresses, 10.1.2.3, [2001:db8::7],
	                 10.0.0.0/8, [2001:db8::]/32);

	local tv: table[addr] of vector of string = {
		[10.0.0.1] = vector("x", "y"),
		[[2001:db8::1]] = vector(),
	};
	local st: set[string] = set("a", "b");
	local sc: set[count, string] = set([1, "x"], [2, "y"]);
	local tb: table[string] of count = table(["one"] = 1, ["two"] = 2);
	local v: vector of count = vector(1, 2, 3);
	local empty: vector of int;
	local vv: vector of vector of int = vector(vector(-1, 2), empty);
	Broker::publish("test/types/3", Test::containers, st, sc, tb, tv, v, vv);

	local r1 = Test::Rec($a=1, $b="bee", $c=Test::Inner($s="in", $v=vector(5, 6)), $d=0.5);
	local r2 = Test::Rec($a=2);
	Broker::publish("test/types/4", Test::records, r1, r2, vector(r2, r1));

	local va: vector of any;
	va[0] = "str";
	va[1] = 192.168.0.1;
	va[2] = vector(7, 8);
	Broker::publish("test/types/5", Test::anys, 99, va);
	Broker::publish("test/types/6", Test::done);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer lost", msg;
	terminate();
	}
@TEST-END-FILE
