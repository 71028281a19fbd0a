# A received event whose arguments do not convert to the types its
# handler declares is dropped with Bro 2.6's warning (Manager::ProcessEvent);
# so is one with the wrong number of arguments. The receiver goes on.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run recv "bro -b ../recv.bro >out 2>err"
# @TEST-EXEC: btest-bg-run send "bro -b ../send.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff recv/out
# @TEST-EXEC: btest-diff recv/err

@TEST-START-FILE recv.bro
redef exit_only_after_terminate = T;

global ev: event(c: count);
global ev2: event(c: count);
global ev3: event(r: set[addr]);
global done: event();

event bro_init()
	{
	Broker::subscribe("test/mismatch");
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	}

event ev(c: count)
	{
	print "ev", c;
	}

event ev2(c: count)
	{
	print "ev2", c;
	}

event ev3(r: set[addr])
	{
	print "ev3", r;
	}

event done()
	{
	print "done";
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE send.bro
redef exit_only_after_terminate = T;

global ev: event(c: string);
global ev2: event(a: count, b: count);
global ev3: event(r: set[string]);
global done: event();

event bro_init()
	{
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	Broker::publish("test/mismatch", ev, "not a count");
	Broker::publish("test/mismatch", ev2, 1, 2);
	Broker::publish("test/mismatch", ev3, set("x"));
	Broker::publish("test/mismatch", done);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE
