# Broker::unpeer ends a peering: the side that unpeers reports
# peer_removed ("removed peering"), the other side sees its peer go
# ("lost remote peer"), as Broker 1.1's core_policy::remove_peer does for a
# graceful and a forced removal. The peer is not peered again.
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

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg;
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer lost", msg;
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE connect.bro
redef exit_only_after_terminate = T;

event finish()
	{
	print "peers after 2s", |Broker::peers()|;
	terminate();
	}

event bro_init()
	{
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg;
	print "unpeer", Broker::unpeer("127.0.0.1", to_port(getenv("BROKER_PORT")));
	}

event Broker::peer_removed(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer removed", msg;
	schedule 2sec { finish() };
	}
@TEST-END-FILE
