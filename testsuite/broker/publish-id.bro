# Broker::publish_id sends a global's value; the receiver sets its own
# global of that name to it. An identifier the receiver does not have is
# reported there, and a global without a value is not published.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run recv "bro -b ../recv.bro >out 2>err"
# @TEST-EXEC: btest-bg-run send "bro -b ../send.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff recv/out
# @TEST-EXEC: btest-diff recv/err
# @TEST-EXEC: btest-diff send/out

@TEST-START-FILE recv.bro
redef exit_only_after_terminate = T;

global counts: table[string] of count = { ["old"] = 0 };
global greeting = "hello";
global done: event();

event bro_init()
	{
	Broker::subscribe("test/id");
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	}

event done()
	{
	print counts;
	print greeting;
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE send.bro
redef exit_only_after_terminate = T;

global counts: table[string] of count = { ["a"] = 1 };
global greeting = "hi there";
global only_here = 5;
global unset_here: count;
global done: event();

event bro_init()
	{
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print Broker::publish_id("test/id", "counts");
	print Broker::publish_id("test/id", "greeting");
	print Broker::publish_id("test/id", "only_here");
	print Broker::publish_id("test/id", "unset_here");
	print Broker::publish_id("test/id", "no_such_global");
	Broker::publish("test/id", done);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE
