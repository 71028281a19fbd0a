# to_json on every basic type and on containers. Records, sets and tables
# here have at most one member each: Bro 2.6 writes several in the order
# of its hash tables.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/json

type color: enum { Red, Blue };

type Inner: record {
	flag: bool &log;
	hidden: count &optional;
};

type Outer: record {
	i: Inner &log;
	note: string &optional;
};

type Escaped: record {
	_id: string &log &default="x";
};

event bro_init()
	{
	print to_json(T), to_json(F);
	print to_json(123), to_json(-5), to_json(0);
	print to_json(3.14), to_json(1.0), to_json(1e20), to_json(-0.5);
	print to_json(double_to_time(1480788576.868945));
	print to_json(-12hr), to_json(90sec), to_json(0sec);
	print to_json("hello"), to_json(""), to_json("quote\" and back\\slash"), to_json("tab\tnl\n");
	print to_json(65535/tcp), to_json(1/udp), to_json(3/icmp);
	print to_json(1.2.3.4), to_json([2001:db8::1]), to_json(10.0.0.0/8), to_json([fe80::]/64);
	print to_json(Blue), to_json(Tunnel::GRE);
	print to_json(/abc/);

	local o: Outer;
	o$i = [$flag=T];
	print to_json(o);
	o$i$hidden = 7;
	print to_json(o, T);
	o$note = "n";
	print to_json(o$i$hidden), to_json(o, T);

	local e: Escaped;
	print to_json(e), to_json(e, F, /^__/);

	local empty: vector of string;
	local holes: vector of count;
	holes[0] = 0;
	holes[2] = 2;
	print to_json(vector(1, 2, 3)), to_json(empty), to_json(vector("a")), to_json(holes);
	print to_json(vector(vector(1.5), vector(-2.5)));
	print to_json(set(5)), to_json(set([fe80::1]));
	print to_json(table([1] = "one"));
	print to_json(table(["k"] = vector(1.5)));
	print to_json(table([1.2.3.4] = T));
	print to_json(vector(o$i), T);
	}
