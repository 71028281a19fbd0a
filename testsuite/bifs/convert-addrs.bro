# Conversions of addresses, subnets and ports, and the checks on them.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event bro_init()
	{
	print to_addr("1.2.3.4"), to_addr("::1"), to_addr("::ffff:1.2.3.4");
	print to_addr("not an IP");
	print to_addr("1.2.3.256");
	print to_addr("1.2.3");
	print to_addr("");
	print to_subnet("10.0.0.0/8"), to_subnet("2607:f8b0::/32"), to_subnet("10.1.2.3/16");
	print to_subnet("10.0.0.0");
	print addr_to_subnet(1.2.3.4), addr_to_subnet([2001:db8::1]);
	print subnet_to_addr(10.1.0.0/16), subnet_width(10.1.0.0/16), subnet_width([2001:db8::]/32);
	print count_to_v4_addr(16909060), count_to_v4_addr(4294967296);
	print raw_bytes_to_v4_addr("\x01\x02\x03\x04extra"), raw_bytes_to_v4_addr("ab");
	print ptr_name_to_addr("1.0.168.192.in-addr.arpa"), ptr_name_to_addr("foo");
	print addr_to_ptr_name(192.168.0.1);
	print addr_to_ptr_name([2001:db8::1]);
	print ptr_name_to_addr(addr_to_ptr_name([2001:db8::1]));
	print mask_addr(1.2.3.4, 18), mask_addr([2001:db8::1], 32);
	print remask_addr(1.2.3.4, 5.6.7.8, 112), remask_addr(0.0.0.0, 255.255.255.255, 120);
	print is_v4_addr(1.2.3.4), is_v6_addr(1.2.3.4), is_v4_addr([::1]), is_v6_addr([::1]);
	print is_v4_subnet(10.0.0.0/8), is_v6_subnet(10.0.0.0/8), is_v6_subnet([::]/0);
	print addr_to_counts(1.2.3.4), addr_to_counts([2001:db8::1]);
	print counts_to_addr(addr_to_counts(1.2.3.4)), counts_to_addr(addr_to_counts([2001:db8::1]));
	print port_to_count(123/tcp), count_to_port(22, tcp), count_to_port(53, udp), count_to_port(3, icmp);
	print to_port("80/tcp"), to_port("53/udp"), to_port("8/icmp"), to_port("/tcp");
	print to_port("x");
	print is_tcp_port(80/tcp), is_udp_port(80/tcp), is_icmp_port(8/icmp), is_udp_port(53/udp);
	print get_port_transport_proto(80/tcp), get_port_transport_proto(53/udp), get_port_transport_proto(8/icmp);
	}
