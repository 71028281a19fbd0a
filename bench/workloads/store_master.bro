# The store benchmark's script side (run by cmd/store_bench): a
# persistent master written and read from a script.
#
#   gets=F    n puts of count keys and a 32-byte string value; with
#             batch > 0, each batch of puts is acknowledged by an exists
#             query before the next one starts (durable writes), else
#             the puts run in one loop and one query at the end waits
#             for them all;
#   gets=T    n gets of those keys, batch queries at a time: the keys
#             are first written (untimed) in one loop, acknowledged by an
#             exists query, so that the gets read what this process wrote
#             (as raw Badger's do); with reopened=T, the keys are those an
#             earlier run left in the store.
#
# With memory=T the master is a MEMORY one. It prints "RESULT
# <operations> <seconds>".

redef exit_only_after_terminate = T;

const gets = F &redef;
const n = 100000 &redef;
const batch = 0 &redef;
const path = "store-bench-db" &redef;
const memory = F &redef;
const reopened = F &redef;

global h: opaque of Broker::Store;
global done = 0;
global answered = 0;
global started: time;
const value = "0123456789abcdef0123456789abcdef";


function finish()
	{
	print fmt("RESULT %d %.6f", n, interval_to_double(current_time() - started));
	terminate();
	}

function put_batch()
	{
	local i = 0;
	while ( i < batch && done < n )
		{
		Broker::put(h, done, value);
		++done;
		++i;
		}
	when ( local r = Broker::exists(h, done - 1) )
		{
		if ( done < n )
			put_batch();
		else
			finish();
		}
	timeout 1min
		{
		print "timeout";
		}
	}

function get_batch()
	{
	local i = 0;
	local start = done;
	while ( i < batch && done < n )
		{
		when ( local r = Broker::get(h, done) )
			{
			if ( r$status != Broker::SUCCESS )
				print "missing";
			if ( ++answered == n )
				finish();
			else if ( answered == done )
				get_batch();
			}
		timeout 1min
			{
			print "timeout";
			}
		++done;
		++i;
		}
	}

event bro_init()
	{
	if ( memory )
		h = Broker::create_master("bench");
	else
		h = Broker::create_master("bench", Broker::SQLITE, [$sqlite=[$path=path]]);
	started = current_time();
	if ( gets && reopened )
		{
		get_batch();
		return;
		}
	if ( batch > 0 && ! gets )
		{
		put_batch();
		return;
		}
	# Not durable, or the keys the gets then read (untimed).
	while ( done < n )
		{
		Broker::put(h, done, value);
		++done;
		}
	when ( local r = Broker::exists(h, done - 1) )
		{
		if ( gets )
			{
			done = 0;
			started = current_time();
			get_batch();
			}
		else
			finish();
		}
	timeout 1min
		{
		print "timeout";
		}
	}
