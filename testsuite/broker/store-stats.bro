# Broker::store_stats (gobro's addition): a store's entries, the writes
# and queries since it opened, and its bytes on disk.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

global m: opaque of Broker::Store;
global p: opaque of Broker::Store;

event bro_init()
	{
	m = Broker::create_master("mem");
	p = Broker::create_master("disk", Broker::SQLITE, [$sqlite=[$path="disk-db"]]);
	print Broker::store_stats(m);
	Broker::put(m, "a", 1);
	Broker::put(m, "b", 2);
	Broker::increment(m, "a");
	Broker::erase(m, "b");
	Broker::put(p, "a", 1);
	when ( local r = Broker::get(m, "a") )
		{
		print Broker::store_stats(m);
		when ( local r2 = Broker::exists(p, "a") )
			{
			local s = Broker::store_stats(p);
			print s$entries, s$puts, s$gets, s$disk_bytes > 0;
			Broker::close(m);
			print Broker::store_stats(m);
			terminate();
			}
		timeout 5sec
			{
			print "timeout";
			}
		}
	timeout 5sec
		{
		print "timeout";
		}
	}
