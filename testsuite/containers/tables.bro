# Sets and tables: constructors, brace initializers with one and several
# indices, typed empty constructors, indexing, in and !in, add, delete,
# |t|, &default with a value and with a function, records and subnets as
# indices. Only one-element containers are printed whole, since Bro's
# iteration order is its hash order.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type Key: record {
	host: addr;
	port_: port;
};

global names: table[count] of string = { [1] = "one", [2] = "two" };
global pairs: set[count, string] = { [1, "a"], [2, "b"] };
global small: set[count] = { 1, 2, 3 } &redef;
global counts: table[string] of count &default=0;
global empty_t: table[count] of string = table();
global grid: table[count, string] of double = { [1, "x"] = 1.5 };

function name_len(name: string): count
	{
	return |name|;
	}

redef small += { 4 };

event bro_init()
	{
	print names[1], names[2], |names|;
	print 1 in names, 3 in names, 3 !in names;
	print [1, "a"] in pairs, [1, "b"] in pairs, [2, "b"] !in pairs;
	print |small|, 4 in small;
	add small[5];
	delete small[1];
	print |small|, 1 in small, 5 in small;
	add pairs[3, "c"];
	delete pairs[1, "a"];
	print |pairs|, [3, "c"] in pairs, [1, "a"] in pairs;
	print counts["nothing"], |counts|;
	counts["x"] += 2;
	counts["x"] += 2;
	print counts["x"], |counts|, counts;
	local lens: table[string] of count &default=name_len;
	print lens["four"], |lens|;
	print |empty_t|;
	empty_t[7] = "seven";
	print empty_t;
	print grid[1, "x"], grid;
	local s: set[string] = set();
	add s["only"];
	print s, |s|;
	local st = set("a", "b");
	print |st|, "a" in st, "c" in st;
	local tt = table([10] = "ten");
	print tt, tt[10];
	local keyed: table[Key] of string;
	local k1: Key = [$host=1.2.3.4, $port_=80/tcp];
	local k2: Key = [$host=1.2.3.4, $port_=80/tcp];
	keyed[k1] = "web";
	print keyed[k2], |keyed|;
	local nets: set[subnet] = { 10.0.0.0/8 };
	print 10.0.0.0/8 in nets, 10.1.2.3 in nets, 192.168.0.1 in nets;
	local mixed: table[count] of set[string] = table();
	mixed[1] = set("x");
	add mixed[1]["y"];
	print |mixed[1]|;
	delete names[1];
	delete names[99];
	print |names|, names;
	}
