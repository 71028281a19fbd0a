# Without Broker::forward_messages (the default), a node passes nothing
# on: in the chain a - b - c, what a publishes does not reach c.
# @TEST-PORT: PORT_B
# @TEST-PORT: PORT_C
# @TEST-EXEC: btest-bg-run c "bro -b ../common.bro ../c.bro >out"
# @TEST-EXEC: btest-bg-run b "bro -b ../common.bro ../b.bro >out"
# @TEST-EXEC: $SCRIPTS/wait-for b/out "^peer added" 20
# @TEST-EXEC: btest-bg-run a "bro -b ../common.bro ../a.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff a/out
# @TEST-EXEC: btest-diff b/out
# @TEST-EXEC: btest-diff c/out

@TEST-START-FILE common.bro
global ping: event(n: count);
global done: event();
@TEST-END-FILE

@TEST-START-FILE c.bro
redef exit_only_after_terminate = T;

global pings = 0;

event bro_init()
	{
	Broker::subscribe("test/fwd");
	Broker::listen("127.0.0.1", to_port(getenv("PORT_C")));
	}

event ping(n: count)
	{
	++pings;
	}

event done()
	{
	print "done (must not happen)";
	}

event give_up()
	{
	print "pings received", pings;
	terminate();
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	schedule 4sec { give_up() };
	}
@TEST-END-FILE

@TEST-START-FILE b.bro
redef exit_only_after_terminate = T;

event bro_init()
	{
	Broker::forward("test/fwd");
	Broker::listen("127.0.0.1", to_port(getenv("PORT_B")));
	Broker::peer("127.0.0.1", to_port(getenv("PORT_C")), 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg;
	}

event ping(n: count)
	{
	print "forwarded events are not handled here", n;
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE a.bro
redef exit_only_after_terminate = T;

event bro_init()
	{
	Broker::peer("127.0.0.1", to_port(getenv("PORT_B")), 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg;
	Broker::publish("test/fwd", ping, 1);
	Broker::publish("test/fwd", ping, 2);
	Broker::publish("test/fwd", done);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE
