# Endpoints listen and peer on IPv6 addresses as on IPv4 ones.
# @TEST-REQUIRES: ip -6 addr show dev lo | grep -q '::1'
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run listen "bro -b ../listen.bro >out"
# @TEST-EXEC: btest-bg-run connect "bro -b ../connect.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff listen/out
# @TEST-EXEC: btest-diff connect/out

@TEST-START-FILE listen.bro
redef exit_only_after_terminate = T;

global ping: event(a: addr);

event bro_init()
	{
	Broker::subscribe("test/v6");
	print Broker::listen("::1", to_port(getenv("BROKER_PORT"))) == to_port(getenv("BROKER_PORT"));
	}

event ping(a: addr)
	{
	print "ping", a;
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE connect.bro
redef exit_only_after_terminate = T;

global ping: event(a: addr);

event bro_init()
	{
	Broker::peer("::1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg, endpoint$network$address;
	Broker::publish("test/v6", ping, [2001:db8::1]);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE
