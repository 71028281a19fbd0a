# With CURVE keys set (gobro's Broker::curve_* options), peerings are
# encrypted and authenticated: a peer whose key the listener authorises
# peers and exchanges events; one whose key it does not is refused, and
# both sides report it through Broker::error.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run server "bro -b ../keys.bro ../server.bro >out"
# @TEST-EXEC: btest-bg-run good "bro -b ../keys.bro ../good.bro >out"
# @TEST-EXEC: btest-bg-run bad "bro -b ../keys.bro ../bad.bro >out"
# @TEST-EXEC: btest-bg-wait 30
# The server's lines are sorted: the refusal and the good peering race.
# @TEST-EXEC: sort server/out >server/out.sorted
# @TEST-EXEC: btest-diff server/out.sorted
# @TEST-EXEC: btest-diff good/out
# @TEST-EXEC: btest-diff bad/out

@TEST-START-FILE keys.bro
# Test keys only (Z85, made by zmq_curve_keypair).
const server_public = "(wD>eVK9+m*nO!Sj^Q(Qb)H*lAPDwlkoGU&+hTsD";
const server_secret = "BYf!(tFfO0c=tGNj$?uzvoTvUJgUrbXAr-oM26Xn";
const good_public = "Y:rX%:+I2MwQX=tFIcuSky%V7(<X40/z/Wk=jiuY";
const good_secret = "=t0H:DU.FJA^Q2K-AuFx!a5]cVWMI]>)<R}i)]H-";
const bad_public = "vNIBaJ.o*S?Q%0$ya#:^FgWZpl@Z*GUJC=])v/ms";
const bad_secret = "V[tFC!<)ssQln(XNQA2S7[f(}m1K.woBaDwEt^-L";

global hello: event(s: string);
global port_ = to_port(getenv("BROKER_PORT"));
@TEST-END-FILE

@TEST-START-FILE server.bro
redef exit_only_after_terminate = T;
redef Broker::curve_public_key = server_public;
redef Broker::curve_secret_key = server_secret;
redef Broker::curve_authorized_keys += { good_public };

global refused = F;
global greeted = F;

function check_done()
	{
	if ( refused && greeted )
		terminate();
	}

event bro_init()
	{
	Broker::subscribe("test/curve");
	Broker::listen("127.0.0.1", port_);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg;
	}

event Broker::error(code: Broker::ErrorCode, msg: string)
	{
	if ( refused )
		return;

	print "error", code, strstr(msg, bad_public) > 0;
	refused = T;
	check_done();
	}

event hello(s: string)
	{
	print "hello", s;
	greeted = T;
	check_done();
	}
@TEST-END-FILE

@TEST-START-FILE good.bro
redef exit_only_after_terminate = T;
redef Broker::curve_public_key = good_public;
redef Broker::curve_secret_key = good_secret;
redef Broker::curve_authorized_keys += { server_public };

event bro_init()
	{
	Broker::peer("127.0.0.1", port_, 1sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added", msg;
	Broker::publish("test/curve", hello, "over curve");
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string)
	{
	terminate();
	}
@TEST-END-FILE

@TEST-START-FILE bad.bro
redef exit_only_after_terminate = T;
redef Broker::curve_public_key = bad_public;
redef Broker::curve_secret_key = bad_secret;
redef Broker::curve_authorized_keys += { server_public };

event bro_init()
	{
	Broker::peer("127.0.0.1", port_, 0sec);
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	print "peer added (must not happen)", msg;
	}

event Broker::error(code: Broker::ErrorCode, msg: string)
	{
	print "error", code;
	terminate();
	}
@TEST-END-FILE
