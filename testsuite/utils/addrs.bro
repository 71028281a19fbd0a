# Recognising addresses in text; addr_to_uri and normalize_mac.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/addrs

event bro_init()
	{
	local ips = vector("10.0.0.1", "255.255.255.255", "256.1.1.1", "1.2.3",
	                   "1.2.3.4.5", "01.002.3.4", "2001:db8::1", "::",
	                   "fe80:0:0:0:0:0:0:1", "1:2:3:4:5:6:7:8:9",
	                   "2001:db8::ffff:10.1.2.3", "1:2:3:4:5:6:10.1.2.300",
	                   "::ffff:1.2.3.4", "gggg::1", "hello", "");
	for ( i in ips )
		print ips[i], ips[i] == ipv4_addr_regex, is_valid_ip(ips[i]);

	print extract_ip_addresses("from 10.1.2.3 to [2001:db8::5] via 999.1.1.1 and 192.168.0.1.");
	print extract_ip_addresses("no addresses here");
	local found = find_ip_addresses("1.2.3.4 and 5.6.7.8");
	print |found|, found[0], found[1];
	print addr_to_uri(10.0.0.1), addr_to_uri([2001:db8::1]);
	print normalize_mac("00-A0-32-D7-81-8F"), normalize_mac("00a0.32d7.818f"),
	      normalize_mac("0:1:2"), normalize_mac("0123456789abcdef");
	}
