# The store benchmark's clone side (run by cmd/store_bench): put_unique
# from a clone in one process to a persistent master in another.
#
#   role=master  makes the master (SQLITE, kept in Badger at path) and
#                listens on $BROKER_PORT until the clone is done;
#   role=clone   peers, makes the clone, waits for the master's content,
#                then runs n put_unique queries, batch at a time, and
#                prints "RESULT <operations> <seconds>".

redef exit_only_after_terminate = T;

const clone = F &redef;
const n = 20000 &redef;
const batch = 1000 &redef;
const path = "store-bench-db" &redef;

global h: opaque of Broker::Store;
global done = 0;
global answered = 0;
global started: time;
global finished: event();
global wait_ready: event();

event finished()
	{
	terminate();
	}

function put_batch()
	{
	local i = 0;
	while ( i < batch && done < n )
		{
		when ( local r = Broker::put_unique(h, done, "0123456789abcdef0123456789abcdef") )
			{
			if ( r$status != Broker::SUCCESS )
				print "failed";
			if ( ++answered == n )
				{
				print fmt("RESULT %d %.6f", n, interval_to_double(current_time() - started));
				Broker::publish("bench/store/master", finished);
				}
			else if ( answered == done )
				put_batch();
			}
		timeout 1min
			{
			print "timeout";
			}
		++done;
		++i;
		}
	}

event wait_ready()
	{
	when ( local r = Broker::exists(h, "ready") )
		{
		started = current_time();
		put_batch();
		}
	timeout 100msec
		{
		event wait_ready();
		}
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	if ( clone )
		{
		h = Broker::create_clone("bench");
		event wait_ready();
		}
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}

event bro_init()
	{
	if ( clone )
		{
		Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
		return;
		}
	h = Broker::create_master("bench", Broker::SQLITE, [$sqlite=[$path=path]]);
	Broker::subscribe("bench/store/master");
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	}
