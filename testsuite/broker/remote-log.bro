# Log writes of a node that logs remotely reach the peers subscribed to
# Broker::default_log_topic_prefix, which write them through their own
# writers with the sender's columns. A peer that joins late is told of
# the writer when it peers (Bro 2.6's SendAllWritersTo) and writes the
# header and the rows from then on. Every column type travels. The files
# equal what the sender would have written itself.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run send "bro -b ../common.bro ../send.bro >out"
# @TEST-EXEC: btest-bg-run recv1 "bro -b ../common.bro ../recv.bro >out"
# @TEST-EXEC: $SCRIPTS/wait-for recv1/out "^phase, 1" 20
# @TEST-EXEC: btest-bg-run recv2 "bro -b ../common.bro ../recv.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff recv1/out
# @TEST-EXEC: btest-diff recv2/out
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff recv1/test.log
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff recv2/test.log
# @TEST-EXEC: test ! -e send/test.log

@TEST-START-FILE common.bro
module Test;

export {
	redef enum Log::ID += { LOG };

	type Color: enum { RED, GREEN };

	type Inner: record {
		x: count &log;
		y: string &log &optional;
	};

	type Info: record {
		b: bool &log;
		i: int &log;
		c: count &log;
		d: double &log;
		t: time &log;
		iv: interval &log;
		s: string &log;
		p: port &log;
		a: addr &log;
		n: subnet &log;
		e: Color &log;
		ss: set[string] &log;
		vc: vector of count &log;
		opt: string &log &optional;
		r: Inner &log;
		not_logged: count &optional;
	};

	global phase: event(n: count);
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info, $path="test"]);
	}
@TEST-END-FILE

@TEST-START-FILE recv.bro
redef exit_only_after_terminate = T;

event bro_init()
	{
	Broker::subscribe(Broker::default_log_topic_prefix);
	Broker::subscribe("test/phase");
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event Test::phase(n: count)
	{
	print "phase", n;

	if ( n == 2 )
		terminate();
	}
@TEST-END-FILE

@TEST-START-FILE send.bro
redef exit_only_after_terminate = T;
redef Log::enable_local_logging = F;

global peers_seen = 0;
global lost = 0;

function row(n: count): Test::Info
	{
	local ss: set[string] = set(fmt("s%d", n));
	local r = Test::Info($b=(n % 2 == 0), $i=-(n + 0), $c=n, $d=n + 0.5,
	                     $t=double_to_time(1000000000.0 + n), $iv=n * 1sec,
	                     $s=fmt("row %d\twith tab", n), $p=count_to_port(n, tcp),
	                     $a=count_to_v4_addr(n), $n=10.0.0.0/8,
	                     $e=(n % 2 == 0 ? Test::RED : Test::GREEN),
	                     $ss=ss, $vc=vector(n, n + 1),
	                     $r=Test::Inner($x=n));

	if ( n % 2 == 1 )
		{
		r$opt = "odd";
		r$r$y = "why";
		}

	return r;
	}

event bro_init()
	{
	Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT")));
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	++peers_seen;
	local first = peers_seen == 1 ? 1 : 4;
	local last = peers_seen == 1 ? 3 : 5;

	local k = first;

	while ( k <= last )
		{
		Log::write(Test::LOG, row(k));
		++k;
		}

	Broker::flush_logs();
	Broker::publish("test/phase", Test::phase, peers_seen);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	if ( ++lost == 2 )
		terminate();
	}
@TEST-END-FILE
