# Sets and tables walk in Bro 2.6's order: its dictionary's, under the
# seeds of random.seed (BRO_SEED_FILE, as btest.cfg sets it), for every
# kind of index. The baseline is what tools/dictorder.py order-types
# prints: a model of Bro's Dict.cc, Hash.cc and CompHash.cc apart from
# gobro's code.
# @TEST-EXEC: bro -b %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

type color: enum { Red, Green, Blue, Yellow, Black };
type R: record {
	a: count;
	b: string;
	c: addr &optional;
};

event bro_init()
	{
	print set(1, 2, 3, 5, 8, 13, 21, 34, 55, 89);
	print set("a", "bb", "ccc", "dddd", "eeeee", "ffffff");
	print set("one string that is longer than thirty-six bytes",
	          "two strings that are longer than thirty-six bytes",
	          "three strings that are longer than thirty-six bytes", "four");
	print set(1.2.3.4, 10.0.0.1, 192.168.1.1, [2001:db8::1], [::1]);
	print set(10.0.0.0/8, 192.168.0.0/16, 1.2.3.0/24, [2001:db8::]/32);
	print set(22/tcp, 53/udp, 80/tcp, 443/tcp, 8/icmp);
	print set(Red, Green, Blue, Yellow, Black);
	local r: set[R];
	add r[[$a=1, $b="x"]];
	add r[[$a=2, $b="y", $c=1.2.3.4]];
	add r[[$a=3, $b="zz"]];
	add r[[$a=4, $b="x", $c=[::1]]];
	print r;
	local t: table[string, count] of string = { ["a", 1] = "x", ["b", 2] = "y", ["c", 3] = "z", ["a", 2] = "w" };
	print t;
	local d: table[double] of int = { [1.5] = -1, [2.5] = -2, [0.0] = +0, [-3.25] = +3 };
	print d;
	}
