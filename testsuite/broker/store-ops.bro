# Every operation on a local master, for scalar, set, table, vector and
# record values, and the stored values converted back to script types.
# The same script runs on a MEMORY master and on a persistent one (an
# SQLITE master, which gobro keeps in Badger), with the same output.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err
# @TEST-EXEC: bro -b t.bro persistent=T >out-badger 2>err-badger
# @TEST-EXEC: cmp out out-badger
# @TEST-EXEC: cmp err err-badger

redef exit_only_after_terminate = T;

const persistent = F &redef;

type R: record {
	a: count;
	b: string &optional;
	c: vector of int;
};

global h: opaque of Broker::Store;

function show(what: string, k: any)
	{
	when ( local r = Broker::get(h, k) )
		{
		print what, r;
		}
	timeout 5sec
		{
		print "timeout", what;
		}
	}

function index(k: any, i: any)
	{
	when ( local r = Broker::get_index_from_value(h, k, i) )
		{
		print "index", k, i, r;
		}
	timeout 5sec
		{
		print "timeout index", k, i;
		}
	}

event bro_init()
	{
	if ( persistent )
		h = Broker::create_master("ops", Broker::SQLITE, [$sqlite=[$path="ops-db"]]);
	else
		h = Broker::create_master("ops");
	print h, Broker::store_name(h), Broker::is_closed(h);

	# Scalars, and the arithmetic on them.
	print Broker::put(h, "count", 110);
	Broker::put(h, "int", -5);
	Broker::put(h, "double", 1.5);
	Broker::put(h, "str", "abc");
	Broker::put(h, "time", double_to_time(100.0));
	Broker::put(h, "interval", 3sec);
	Broker::put(h, "addr", 10.0.0.1);
	Broker::put(h, "subnet", 10.0.0.0/8);
	Broker::put(h, "port", 80/tcp);
	Broker::put(h, "bool", T);
	Broker::put(h, "enum", Broker::ROCKSDB);
	Broker::increment(h, "count");
	Broker::increment(h, "count", 9);
	Broker::decrement(h, "count", 20);
	Broker::increment(h, "int", -3);
	# An amount of another type than the value changes nothing.
	Broker::increment(h, "int", 1);
	Broker::increment(h, "double", 0.25);
	Broker::increment(h, "time", 5sec);
	Broker::decrement(h, "interval", 1sec);
	Broker::append(h, "str", "def");
	# Absent keys start from the zero of their operation's type; a
	# decrement needs the key.
	Broker::increment(h, "fresh");
	Broker::increment(h, "fresh-time", 2sec);
	Broker::append(h, "fresh-str", "x");
	Broker::decrement(h, "absent", 1);

	# A set.
	Broker::put(h, "set", set("a", "b", "c"));
	Broker::insert_into_set(h, "set", "d");
	Broker::remove_from(h, "set", "b");
	Broker::insert_into_set(h, "fresh-set", 5);

	# A table.
	local t: table[string] of count = { ["x"] = 1, ["y"] = 2 };
	Broker::put(h, "table", t);
	Broker::insert_into_table(h, "table", "z", 3);
	Broker::insert_into_table(h, "table", "x", 10);
	Broker::remove_from(h, "table", "y");
	Broker::insert_into_table(h, "fresh-table", 1.2.3.4, "host");

	# A vector: pop takes the last element, and so does remove_from,
	# whatever index it is given (as Broker's remover does).
	Broker::put(h, "vec", vector("alpha", "beta", "gamma"));
	Broker::push(h, "vec", "delta");
	Broker::pop(h, "vec");
	Broker::pop(h, "vec");
	Broker::push(h, "vec", "omega");
	Broker::push(h, "vec", "psi");
	Broker::remove_from(h, "vec", 0);
	Broker::push(h, "fresh-vec", 1);

	# A record travels as a vector, an unset field as nil.
	Broker::put(h, "rec", R($a=7, $c=vector(-1, -2)));

	# A key that is not a string.
	Broker::put(h, 42, "forty-two");
	Broker::put(h, "gone", "x");
	Broker::erase(h, "gone");

	show("count", "count");
	show("int", "int");
	show("str", "str");
	show("addr", "addr");
	show("subnet", "subnet");
	show("port", "port");
	show("bool", "bool");
	show("fresh", "fresh");
	show("fresh-str", "fresh-str");
	show("absent", "absent");
	show("gone", "gone");
	show("set", "set");
	show("fresh-set", "fresh-set");
	show("table", "table");
	show("fresh-table", "fresh-table");
	show("vec", "vec");
	show("fresh-vec", "fresh-vec");
	show("rec", "rec");
	show("42", 42);

	index("set", "a");
	index("set", "b");
	index("table", "x");
	index("table", "y");
	index("vec", 1);
	index("vec", 5);
	index("rec", 0);
	index("absent", 0);

	when ( local r1 = Broker::get(h, "double") )
		print "double", r1$result as double;
	timeout 5sec
		{ print "timeout"; }
	when ( local r2 = Broker::get(h, "time") )
		print "time", r2$result as time;
	timeout 5sec
		{ print "timeout"; }
	when ( local r3 = Broker::get(h, "interval") )
		print "interval", r3$result as interval;
	timeout 5sec
		{ print "timeout"; }
	when ( local r4 = Broker::get(h, "fresh-time") )
		print "fresh-time", r4$result as time;
	timeout 5sec
		{ print "timeout"; }
	when ( local r5 = Broker::get(h, "enum") )
		print "enum", r5$result as Broker::BackendType;
	timeout 5sec
		{ print "timeout"; }
	when ( local r6 = Broker::get(h, "set") )
		{
		local s = r6$result as set[string];
		print "set as set[string]", |s|, "a" in s, "b" in s, "d" in s;
		}
	timeout 5sec
		{ print "timeout"; }
	when ( local r7 = Broker::get(h, "table") )
		{
		local tt = r7$result as table[string] of count;
		print "table as table[string] of count", |tt|, tt["x"], tt["z"], "y" in tt;
		}
	timeout 5sec
		{ print "timeout"; }
	when ( local r8 = Broker::get(h, "vec") )
		print "vec as vector of string", r8$result as vector of string;
	timeout 5sec
		{ print "timeout"; }
	when ( local r9 = Broker::get(h, "rec") )
		print "rec as R", r9$result as R;
	timeout 5sec
		{ print "timeout"; }

	when ( local e1 = Broker::exists(h, "count") )
		print "exists count", e1;
	timeout 5sec
		{ print "timeout"; }
	when ( local e2 = Broker::exists(h, "gone") )
		print "exists gone", e2;
	timeout 5sec
		{ print "timeout"; }
	when ( local u1 = Broker::put_unique(h, "count", 1) )
		print "put_unique count", u1;
	timeout 5sec
		{ print "timeout"; }
	when ( local u2 = Broker::put_unique(h, "unique", 1) )
		print "put_unique unique", u2;
	timeout 5sec
		{ print "timeout"; }
	show("unique", "unique");
	when ( local k = Broker::keys(h) )
		print "keys", k;
	timeout 5sec
		{ print "timeout"; }

	Broker::clear(h);
	when ( local k2 = Broker::keys(h) )
		{
		print "keys after clear", k2;
		print Broker::close(h), Broker::is_closed(h), Broker::close(h);
		terminate();
		}
	timeout 5sec
		{ print "timeout"; }
	}
