# A persistent master keeps its content through a restart: keys and
# values keep their Broker types and convert back to the script types,
# writes made after the last query survive a clean exit, entries that
# expired while the store was closed are gone, and an expiry still
# pending is kept.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro phase=1 >out 2>err
# @TEST-EXEC: sleep 0.5
# @TEST-EXEC: bro -b t.bro phase=2 >>out 2>>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

const phase = 1 &redef;

type Inner: record {
	host: addr;
	note: string &optional;
};

type R: record {
	n: count;
	inner: Inner;
	tags: set[string];
};

global h: opaque of Broker::Store;

global later: event();

function show(k: any)
	{
	when ( local r = Broker::get(h, k) )
		{
		print k, r$result;
		}
	timeout 5sec
		{
		print "timeout", k;
		}
	}

event later()
	{
	when ( local k = Broker::keys(h) )
		{
		print "keys later", k$result;
		terminate();
		}
	timeout 5sec
		{
		print "timeout";
		}
	}

event bro_init()
	{
	h = Broker::create_master("persist", Broker::SQLITE, [$sqlite=[$path="persist-db"]]);

	if ( phase == 1 )
		{
		Broker::put(h, "count", 1);
		Broker::put(h, "int", -2);
		Broker::put(h, "double", 3.25);
		Broker::put(h, "string", "four");
		Broker::put(h, "addr", [2001:db8::5]);
		Broker::put(h, "subnet", 192.168.0.0/16);
		Broker::put(h, "port", 53/udp);
		Broker::put(h, "time", double_to_time(1234567890.5));
		Broker::put(h, "interval", 90sec);
		Broker::put(h, "bool", F);
		Broker::put(h, "enum", Broker::SQLITE);
		Broker::put(h, "set", set(3, 1, 2));
		local t: table[string, count] of bool = { ["a", 1] = T, ["b", 2] = F };
		Broker::put(h, "table", t);
		Broker::put(h, "vector", vector(1.1.1.1, 2.2.2.2));
		Broker::put(h, "record", R($n=5, $inner=Inner($host=10.1.1.1), $tags=set("x")));
		Broker::put(h, 6/tcp, "a port as key");
		Broker::put(h, "expired-meanwhile", 0, 100msec);
		Broker::put(h, "expires-soon", 0, 3sec);
		Broker::put(h, "expires-late", 0, 1hr);
		when ( local r = Broker::exists(h, "record") )
			{
			print "phase 1 acknowledged", r$result;
			# Not acknowledged by any query, but a clean exit keeps it.
			Broker::put(h, "after-ack", 7);
			terminate();
			}
		timeout 5sec
			{
			print "timeout";
			}
		return;
		}

	when ( local k = Broker::keys(h) )
		{
		print "keys", k$result;
		}
	timeout 5sec
		{
		print "timeout";
		}
	show("count");
	show("int");
	show("string");
	show("addr");
	show("subnet");
	show("port");
	show("bool");
	show("set");
	show("table");
	show("vector");
	show("record");
	show(6/tcp);
	show("after-ack");
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
	when ( local r4 = Broker::get(h, "enum") )
		print "enum", r4$result as Broker::BackendType;
	timeout 5sec
		{ print "timeout"; }
	when ( local r5 = Broker::get(h, "table") )
		{
		local tt = r5$result as table[string, count] of bool;
		print "table as table[string, count] of bool", |tt|, tt["a", 1], tt["b", 2];
		}
	timeout 5sec
		{ print "timeout"; }
	when ( local r6 = Broker::get(h, "record") )
		print "record as R", r6$result as R;
	timeout 5sec
		{ print "timeout"; }
	when ( local r7 = Broker::get(h, "set") )
		{
		local s = r7$result as set[count];
		print "set as set[count]", |s|, 1 in s, 4 in s;
		}
	timeout 5sec
		{ print "timeout"; }
	schedule 3sec { later() };
	}
