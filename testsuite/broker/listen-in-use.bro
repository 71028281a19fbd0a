# Listening on a port that another endpoint holds fails: Broker::listen
# returns 0/tcp and the builtin reports "Failed to listen" (Bro 2.6's
# Manager::Listen); with a retry interval it tries again until the port
# is free. Broker 1.1 raises no Broker::error for it.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run first "bro -b ../first.bro >out"
# @TEST-EXEC: $SCRIPTS/wait-for first/out "^listening" 20
# @TEST-EXEC: btest-bg-run second "bro -b ../second.bro >out 2>err"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff second/out
# @TEST-EXEC: sed -E 's#^error in .*/main.bro, line [0-9]+: #error in main.bro: #; s#:[0-9]+ \(#:PORT (#' second/err | sort -u >second/err.canon
# @TEST-EXEC: btest-diff second/err.canon

@TEST-START-FILE first.bro
redef exit_only_after_terminate = T;

event quit()
	{
	terminate();
	}

event bro_init()
	{
	print "listening", Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT"))) == to_port(getenv("BROKER_PORT"));
	# Hold the port for a while, then give it up.
	schedule 3sec { quit() };
	}
@TEST-END-FILE

@TEST-START-FILE second.bro
redef exit_only_after_terminate = T;

global p = to_port(getenv("BROKER_PORT"));

event try_again()
	{
	local bound = Broker::listen("127.0.0.1", p, 0sec);

	if ( bound == 0/tcp )
		schedule 500msec { try_again() };
	else
		{
		print "listening at last", bound == p;
		terminate();
		}
	}

event bro_init()
	{
	print "first try", Broker::listen("127.0.0.1", p, 0sec);
	schedule 500msec { try_again() };
	}
@TEST-END-FILE
