# A clone outlives its master: killed with SIGKILL, the master is lost;
# the clone goes on answering from its copy (stale_interval has not
# passed) and keeps a mutation made meanwhile; when a new master comes
# up, the clone finds it, takes its content in place of its own, and
# the kept mutation reaches the new master.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run master1 "bro -b ../master.bro gen=1 >out || true"
# @TEST-EXEC: btest-bg-run clone "bro -b ../clone.bro >out"
# @TEST-EXEC: $SCRIPTS/wait-for clone/out "^synced" 20
# @TEST-EXEC: kill -9 $(cat master1/pid)
# @TEST-EXEC: $SCRIPTS/wait-for clone/out "^kept" 20
# @TEST-EXEC: btest-bg-run master2 "bro -b ../master.bro gen=2 >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff clone/out
# @TEST-EXEC: btest-diff master2/out

@TEST-START-FILE master.bro
redef exit_only_after_terminate = T;
const gen = 0 &redef;
global converged: event();
global h: opaque of Broker::Store;

event bro_init()
	{
	h = Broker::create_master("restart");
	Broker::put(h, "gen", gen);
	if ( gen == 1 )
		Broker::put(h, "only-first", T);
	Broker::subscribe("test/restart/master");
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	local f = open("pid");
	print f, getpid();
	close(f);
	}

event converged()
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
global converged: event();
global h: opaque of Broker::Store;
global state = "syncing";
global poll: event();

event bro_init()
	{
	Broker::subscribe("test/restart/clone");
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	h = Broker::create_clone("restart", 1sec);
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
		else if ( state == "kept" && g == 2 )
			{
			when ( local o = Broker::exists(h, "only-first") )
				{
				when ( local w = Broker::get(h, "while-away") )
					{
					# The kept mutation comes back from the master a
					# little after its content.
					if ( state != "kept" || w$status != Broker::SUCCESS )
						return;
					print "converged", g, "only-first", o$result, "while-away", w$result;
					state = "converged";
					Broker::publish("test/restart/master", converged);
					}
				timeout 100msec
					{
					}
				}
			timeout 100msec
				{
				}
			}
		}
	timeout 100msec
		{
		}
	if ( state != "converged" )
		schedule 100msec { poll() };
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
	Broker::put(h, "while-away", 7);
	when ( local r = Broker::get(h, "gen") )
		{
		print "still answering", r$result;
		print "kept";
		state = "kept";
		}
	timeout 1sec
		{
		print "timeout";
		}
	}

event Broker::peer_removed(endpoint: Broker::EndpointInfo, msg: string)
	{
	if ( state == "converged" )
		terminate();
	}
@TEST-END-FILE
