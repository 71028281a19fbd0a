# Bytes that are not a peering arriving on the listening port (random
# bytes, a truncated and a corrupt ZeroMQ greeting, a huge frame length)
# are dropped; the endpoint stays up and peers and exchanges events as
# before.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run listen "bro -b ../listen.bro >out"
# @TEST-EXEC: $SCRIPTS/wait-for listen/out "^listening" 20
# @TEST-EXEC: bash garbage.sh ${BROKER_PORT%/tcp}
# @TEST-EXEC: btest-bg-run connect "bro -b ../connect.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff listen/out
# @TEST-EXEC: btest-diff connect/out

@TEST-START-FILE garbage.sh
port=$1
send() { (printf "$1" >/dev/tcp/127.0.0.1/$port) 2>/dev/null; sleep 0.2; }
send 'GET / HTTP/1.0\r\n\r\n'
head -c 4096 /dev/urandom >/dev/tcp/127.0.0.1/$port 2>/dev/null; sleep 0.2
# A ZMTP 3 signature, then nothing more.
send '\xff\x00\x00\x00\x00\x00\x00\x00\x01\x7f'
# A ZMTP 3 greeting with a mechanism nobody speaks.
send '\xff\x00\x00\x00\x00\x00\x00\x00\x01\x7f\x03\x00BOGUS\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
# A NULL greeting followed by a frame claiming 2^62 bytes.
send '\xff\x00\x00\x00\x00\x00\x00\x00\x01\x7f\x03\x00NULL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x40\x00\x00\x00\x00\x00\x00\x00'
exit 0
@TEST-END-FILE

@TEST-START-FILE listen.bro
redef exit_only_after_terminate = T;

global ping: event(n: count);

event bro_init()
	{
	Broker::subscribe("test/garbage");
	print "listening", Broker::listen("127.0.0.1", to_port(getenv("BROKER_PORT"))) != 0/tcp;
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg;
	}

event ping(n: count)
	{
	print "ping", n;
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE connect.bro
redef exit_only_after_terminate = T;

global ping: event(n: count);

event bro_init()
	{
	Broker::peer("127.0.0.1", to_port(getenv("BROKER_PORT")), 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg;
	Broker::publish("test/garbage", ping, 7);
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE
