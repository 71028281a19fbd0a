# Directions of connections and kinds of hosts against Site::local_nets.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/directions-and-hosts

redef Site::local_nets += { 10.0.0.0/8, [2001:db8::]/32 };

function cid(o: addr, r: addr): conn_id
	{
	return [$orig_h=o, $orig_p=1234/tcp, $resp_h=r, $resp_p=80/tcp];
	}

event bro_init()
	{
	local outbound = cid(10.1.1.1, 8.8.8.8);
	local inbound = cid(8.8.8.8, 10.1.1.1);
	local internal = cid(10.1.1.1, [2001:db8::1]);
	local external = cid(8.8.8.8, 9.9.9.9);
	local dirs = vector(INBOUND, OUTBOUND, BIDIRECTIONAL, NO_DIRECTION);

	for ( i in dirs )
		print dirs[i], id_matches_direction(outbound, dirs[i]),
		      id_matches_direction(inbound, dirs[i]),
		      id_matches_direction(internal, dirs[i]),
		      id_matches_direction(external, dirs[i]);

	local hosts = vector(LOCAL_HOSTS, REMOTE_HOSTS, ALL_HOSTS, NO_HOSTS);

	for ( i in hosts )
		print hosts[i], addr_matches_host(10.2.3.4, hosts[i]),
		      addr_matches_host([2001:db8::7], hosts[i]),
		      addr_matches_host(192.168.1.1, hosts[i]);
	}
