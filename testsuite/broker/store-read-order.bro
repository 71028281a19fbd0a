# Queries and changes made in one go reach a master in the order the
# script makes them (Bro 2.6 sends each to the store's actor, which
# handles its messages in order): a get asked before a put sees the old
# value, one asked after it the new; a get before an erase finds the
# key, one after it does not.
# The same on a MEMORY master and on a persistent one.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: bro -b t.bro persistent=T >out-badger 2>&1
# @TEST-EXEC: cmp out out-badger

redef exit_only_after_terminate = T;

const persistent = F &redef;

global h: opaque of Broker::Store;
global answered = 0;

function ask(what: string, k: string)
	{
	when ( local r = Broker::get(h, k) )
		{
		if ( r$status == Broker::SUCCESS )
			print what, r$result as count;
		else
			print what, "no value";
		if ( ++answered == 8 )
			terminate();
		}
	timeout 5sec
		{
		print what, "timeout";
		}
	}

event bro_init()
	{
	if ( persistent )
		h = Broker::create_master("order", Broker::SQLITE, [$sqlite=[$path="order-db"]]);
	else
		h = Broker::create_master("order");
	Broker::put(h, "a", 1);
	ask("a before put", "a");
	Broker::put(h, "a", 2);
	ask("a after put", "a");
	Broker::increment(h, "a", 10);
	ask("a after increment", "a");
	ask("b before put", "b");
	Broker::put(h, "b", 5);
	ask("b before erase", "b");
	Broker::erase(h, "b");
	ask("b after erase", "b");
	Broker::put(h, "c", 7);
	ask("c", "c");
	Broker::clear(h);
	ask("c after clear", "c");
	}
