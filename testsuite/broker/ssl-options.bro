# Bro 2.6's ssl_* options are accepted; set without CURVE keys, gobro says
# once that it secures links with CURVE instead, and goes on.
# @TEST-EXEC: bro -b %INPUT >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef Broker::ssl_certificate = "/etc/bro/cert.pem";
redef Broker::ssl_keyfile = "/etc/bro/key.pem";

event bro_init()
	{
	print Broker::node_id() != "";
	print Broker::subscribe("x");
	}
