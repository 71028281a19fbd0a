# Entries put with an expiry interval leave the store once it has passed.
# An operation with no expiry takes an entry's expiry away, one with an
# expiry sets it anew, and a later put outlives the reminder of an
# earlier one (as in Broker's master). MEMORY and persistent masters
# behave alike.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: bro -b t.bro persistent=T >out-badger 2>err-badger
# @TEST-EXEC: cmp out out-badger
# @TEST-EXEC: cmp err err-badger

redef exit_only_after_terminate = T;

const persistent = F &redef;

global h: opaque of Broker::Store;

global check: event();

function show_keys(what: string)
	{
	when ( local k = Broker::keys(h) )
		{
		print what, k$result;
		if ( what == "after" )
			terminate();
		}
	timeout 5sec
		{
		print "timeout", what;
		}
	}

event check()
	{
	show_keys("after");
	}

event bro_init()
	{
	if ( persistent )
		h = Broker::create_master("exp", Broker::ROCKSDB, [$rocksdb=[$path="exp-db"]]);
	else
		h = Broker::create_master("exp");
	Broker::put(h, "short", 1, 1sec);
	Broker::put(h, "long", 2, 1hr);
	Broker::put(h, "forever", 3);
	Broker::put(h, "refreshed", 4, 1sec);
	Broker::increment(h, "refreshed", 1);
	Broker::put(h, "extended", 5, 1sec);
	Broker::put(h, "extended", 6, 1hr);
	Broker::put(h, "renewed", 7, 1sec);
	Broker::increment(h, "renewed", 1, 1hr);
	Broker::put(h, "erased", 9, 1sec);
	Broker::erase(h, "erased");
	Broker::insert_into_set(h, "set-short", "a", 1sec);
	when ( local u = Broker::put_unique(h, "unique-short", 8, 1sec) )
		{
		print "put_unique", u$result;
		}
	timeout 5sec
		{
		print "timeout";
		}
	show_keys("before");
	schedule 2.5sec { check() };
	}
