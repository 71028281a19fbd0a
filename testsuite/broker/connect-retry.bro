# Peering with an endpoint that is not listening yet reports
# PEER_UNAVAILABLE for each attempt and keeps trying every retry
# interval until the peer is there (Broker 1.1's retry_state).
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run connect "bro -b ../connect.bro >out"
# @TEST-EXEC: $SCRIPTS/wait-for connect/out "^error" 20
# @TEST-EXEC: btest-bg-run listen "bro -b ../listen.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff connect/out
# @TEST-EXEC: btest-diff listen/out

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
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE connect.bro
redef exit_only_after_terminate = T;

global errors = 0;

event bro_init()
	{
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event Broker::error(code: Broker::ErrorCode, msg: string)
	{
	# Print the first only: how many attempts fail depends on when the
	# listener starts.
	if ( ++errors > 1 )
		return;

	local p = split_string1(getenv("BROKER_PORT"), /\//)[0];
	print "error", code, subst_string(msg, ":" + p, ":PORT");
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg, errors > 0;
	terminate();
	}
@TEST-END-FILE
