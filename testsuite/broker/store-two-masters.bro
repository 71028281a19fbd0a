# Two masters of one store name on peered endpoints: each reports the
# other (the node id, which changes from run to run, is left out).
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run a "bro -b ../a.bro >out 2>err"
# @TEST-EXEC: btest-bg-run b "bro -b ../b.bro >out 2>err"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: sed -E 's/at node .*/at node N/' a/err >a-err && btest-diff a-err
# @TEST-EXEC: sed -E 's/at node .*/at node N/' b/err >b-err && btest-diff b-err

@TEST-START-FILE a.bro
redef exit_only_after_terminate = T;

event bro_init()
	{
	Broker::create_master("dup");
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}

event Broker::peer_removed(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE b.bro
redef exit_only_after_terminate = T;

global bye: event();

event bro_init()
	{
	Broker::create_master("dup");
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	schedule 1sec { bye() };
	}

event bye()
	{
	terminate();
	}
@TEST-END-FILE
