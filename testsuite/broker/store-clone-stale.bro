# A clone that has lost its master answers queries for stale_interval and
# keeps its mutations for mutation_buffer_interval; after that its
# queries go unanswered (the "when" times out, as in Bro 2.6) and its
# mutations are dropped. The next master gets the kept mutation only.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run master1 "bro -b ../master.bro gen=1 >out || true"
# @TEST-EXEC: btest-bg-run clone "bro -b ../clone.bro >out"
# @TEST-EXEC: $SCRIPTS/wait-for clone/out "^synced" 20
# @TEST-EXEC: kill -9 $(cat master1/pid)
# @TEST-EXEC: $SCRIPTS/wait-for clone/out "^stale" 20
# @TEST-EXEC: btest-bg-run master2 "bro -b ../master.bro gen=2 >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff clone/out
# @TEST-EXEC: btest-diff master2/out

@TEST-START-FILE master.bro
redef exit_only_after_terminate = T;
const gen = 0 &redef;
global check: event();
global h: opaque of Broker::Store;

event bro_init()
	{
	h = Broker::create_master("stale");
	Broker::put(h, "gen", gen);
	Broker::subscribe("test/stale/master");
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	local f = open("pid");
	print f, getpid();
	close(f);
	}

event check()
	{
	when ( local r = Broker::keys(h) )
		{
		print "master", gen, "keys", r$result;
		terminate();
		}
	timeout 5sec
		{
		print "timeout";
		}
	}
@TEST-END-FILE

@TEST-START-FILE clone.bro
redef exit_only_after_terminate = T;
global check: event();
global h: opaque of Broker::Store;
global state = "syncing";
global poll: event();
global later: event();

event bro_init()
	{
	Broker::subscribe("test/stale/clone");
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	h = Broker::create_clone("stale", 1sec, 1sec, 1sec);
	event poll();
	}

event poll()
	{
	when ( local r = Broker::get(h, "gen") )
		{
		local g = r$result as count;
		if ( state == "syncing" && g == 1 )
			{
			print "synced", g;
			state = "synced";
			}
		else if ( state == "stale" && g == 2 )
			{
			state = "converged";
			print "converged", g;
			Broker::publish("test/stale/master", check);
			}
		}
	timeout 100msec
		{
		}
	if ( state != "converged" )
		schedule 100msec { poll() };
	}

event later()
	{
	Broker::put(h, "late", 2);
	when ( local r = Broker::get(h, "gen") )
		{
		print "answered while stale", r$result;
		}
	timeout 500msec
		{
		print "stale";
		state = "stale";
		}
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	if ( state == "converged" )
		{
		terminate();
		return;
		}
	if ( state != "synced" )
		return;
	state = "lost";
	print "master lost";
	Broker::put(h, "early", 1);
	when ( local r = Broker::get(h, "gen") )
		{
		print "still answering", r$result;
		}
	timeout 500msec
		{
		print "timeout";
		}
	schedule 1.5sec { later() };
	}

event Broker::peer_removed(endpoint: Broker::EndpointInfo, msg: string)
	{
	if ( state == "converged" )
		terminate();
	}
@TEST-END-FILE
