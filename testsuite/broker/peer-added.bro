# Two processes peer over loopback: the one that calls Broker::peer
# reports "received handshake from remote core", the listener "handshake
# successful" (Broker 1.1's core_actor, handshake steps 2 and 3). The
# listener then tells the other side to end, and loses it: "lost remote
# peer".
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run listen "bro -b ../listen.bro >out"
# @TEST-EXEC: btest-bg-run connect "bro -b ../connect.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff listen/out
# @TEST-EXEC: btest-diff connect/out

@TEST-START-FILE listen.bro
redef exit_only_after_terminate = T;

event bro_init()
	{
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	}

global bye: event();

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg, |Broker::peers()|;
	Broker::publish("test/bye", bye);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer lost", msg;
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE connect.bro
redef exit_only_after_terminate = T;

global bye: event();

event bro_init()
	{
	Broker::subscribe("test/bye");
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event bye()
	{
	terminate();
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg;
	print endpoint$network$address, endpoint$network$bound_port == to_port(getenv("BROKER_PORT"));
	print |Broker::node_id()| > 0, endpoint$id != Broker::node_id();
	local p = Broker::peers();
	print |p|, p[0]$status, p[0]$peer$id == endpoint$id;
	}
@TEST-END-FILE
