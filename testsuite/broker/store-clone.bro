# A master and a clone in two processes: the clone receives the master's
# content, its mutations (put_unique included) go to the master, and the
# master's changes reach the clone in order.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run master "bro -b ../common.bro ../master.bro >out"
# @TEST-EXEC: btest-bg-run clone "bro -b ../common.bro ../clone.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff master/out
# @TEST-EXEC: btest-diff clone/out

@TEST-START-FILE common.bro
redef exit_only_after_terminate = T;
global clone_wrote: event();
global master_wrote: event();
global finished: event();
global h: opaque of Broker::Store;

function show(who: string, k: any)
	{
	when ( local r = Broker::get(h, k) )
		{
		print who, k, r$result;
		}
	timeout 5sec
		{
		print "timeout", who, k;
		}
	}

function show_keys(who: string)
	{
	when ( local r = Broker::keys(h) )
		{
		print who, "keys", r$result;
		}
	timeout 5sec
		{
		print "timeout", who;
		}
	}
@TEST-END-FILE

@TEST-START-FILE master.bro
event bro_init()
	{
	h = Broker::create_master("shared");
	Broker::put(h, "one", 1);
	Broker::put(h, "set", set("a"));
	Broker::put(h, "gone", "soon");
	Broker::subscribe("test/store/master");
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	}

event clone_wrote()
	{
	show_keys("master");
	show("master", "one");
	show("master", "set");
	show("master", "uniq");
	show("master", "from-clone");
	Broker::put(h, "from-master", 3);
	Broker::erase(h, "from-clone");
	Broker::push(h, "vec", "x");
	Broker::publish("test/store/clone", master_wrote);
	}

event finished()
	{
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE clone.bro
global try_read: event();

event bro_init()
	{
	Broker::subscribe("test/store/clone");
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	h = Broker::create_clone("shared");
	event try_read();
	}

event try_read()
	{
	# A clone answers no query until it has the master's content.
	when ( local r = Broker::get(h, "one") )
		{
		print "clone", "one", r$result;
		Broker::put(h, "from-clone", 2);
		Broker::increment(h, "one", 10);
		Broker::insert_into_set(h, "set", "b");
		Broker::erase(h, "gone");
		when ( local u = Broker::put_unique(h, "uniq", 5) )
			{
			print "clone", "put_unique", u;
			when ( local u2 = Broker::put_unique(h, "uniq", 6) )
				{
				print "clone", "put_unique again", u2;
				Broker::publish("test/store/master", clone_wrote);
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
	timeout 200msec
		{
		event try_read();
		}
	}

event master_wrote()
	{
	show_keys("clone");
	show("clone", "one");
	show("clone", "vec");
	when ( local r = Broker::exists(h, "from-clone") )
		{
		print "clone", "from-clone exists", r$result;
		Broker::publish("test/store/master", finished);
		}
	timeout 5sec
		{
		print "timeout";
		}
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE
