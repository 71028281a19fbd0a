# Broker::auto_publish publishes an event each time it is raised here,
# before its local handlers run; Broker::auto_unpublish stops it. Events
# received from a peer are not published again.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run recv "bro -b ../common.bro ../recv.bro >out"
# @TEST-EXEC: btest-bg-run send "bro -b ../common.bro ../send.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff recv/out
# @TEST-EXEC: btest-diff send/out

@TEST-START-FILE common.bro
global ping: event(n: count, s: string);
global done: event();
@TEST-END-FILE

@TEST-START-FILE recv.bro
redef exit_only_after_terminate = T;

event bro_init()
	{
	Broker::subscribe("test/auto");
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	# A received ping raised here again must not travel back.
	Broker::auto_publish("test/auto", ping);
	}

event ping(n: count, s: string)
	{
	print "ping", n, s, is_remote_event();
	}

event done()
	{
	print "done";
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE send.bro
redef exit_only_after_terminate = T;

event bro_init()
	{
	Broker::subscribe("test/auto");
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	print "auto_publish", Broker::auto_publish("test/auto/ping", ping);
	print "not an event", Broker::auto_publish("test/auto/ping", 3);
	}

# Publishing happens as the event is dispatched, so what auto_unpublish
# stops is decided then, not when the event was raised.
event ping(n: count, s: string)
	{
	print "local ping", n, s, is_remote_event();

	if ( n == 2 )
		{
		print "auto_unpublish", Broker::auto_unpublish("test/auto/ping", ping);
		event ping(3, "three");
		}

	if ( n == 3 )
		Broker::publish("test/auto/done", done);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	event ping(1, "one");
	event ping(2, "two");
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE
