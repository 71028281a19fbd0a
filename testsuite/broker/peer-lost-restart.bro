# A peer killed with SIGKILL is reported lost within a second, and when it
# comes back it is peered again within a second, although the retry
# interval given to Broker::peer is Bro's default of 30 seconds (Bro 2.6
# would wait for it). Times are taken from the processes' clocks and the
# shell's, on one host.
# @TEST-PORT: BROKER_PORT
# The first victim dies by SIGKILL: its status is not a failure.
# @TEST-EXEC: btest-bg-run victim "bro -b ../victim.bro >out || true"
# @TEST-EXEC: btest-bg-run watcher "bro -b ../watcher.bro >out"
# @TEST-EXEC: $SCRIPTS/wait-for watcher/out "^peer added" 20
# @TEST-EXEC: date +%s.%N >killed && kill -9 $(cat victim/pid)
# @TEST-EXEC: $SCRIPTS/wait-for watcher/out "^peer lost" 20
# @TEST-EXEC: btest-bg-run victim2 "bro -b ../victim.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff watcher/out
# @TEST-EXEC: awk -v k=$(cat killed) '/^lost at/ { print "lost within 1s:", ($3 - k) < 1.0 }' watcher/times >timing
# @TEST-EXEC: awk -v l=$(cat victim2/listening) '/^added again at/ { print "added again within 1s:", ($4 - l) < 1.0 }' watcher/times >>timing
# @TEST-EXEC: btest-diff timing

@TEST-START-FILE victim.bro
redef exit_only_after_terminate = T;

event bro_init()
	{
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	local f = open("pid");
	print f, getpid();
	close(f);
	f = open("listening");
	print f, fmt("%.6f", current_time());
	close(f);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE watcher.bro
redef exit_only_after_terminate = T;

global added = 0;
global times = open("times");

event bro_init()
	{
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")));
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	++added;
	print "peer added", msg;

	if ( added == 2 )
		{
		print times, fmt("added again at %.6f", current_time());
		close(times);
		terminate();
		}
	}

event Broker::error(code: Broker::ErrorCode, msg: string)
	{
	# Not part of the output: connection attempts that fail depend on
	# timing. On stderr, to tell why if the test fails.
	Reporter::warning(fmt("%s %s", code, msg));
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	print times, fmt("lost at %.6f", current_time());
	print "peer lost", msg;
	}
@TEST-END-FILE
