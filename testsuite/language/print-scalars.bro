# How print renders each scalar type.
# @TEST-EXEC: bro -b %INPUT >out
# @TEST-EXEC: btest-diff out

event bro_init()
	{
	print T, F;
	print 42, -42, 0xff;
	print 1.5, 3.0, 0.1, 100.25;
	print 90 secs, 1 min, 2.5 hrs, 0 secs, 1 day;
	print "plain", "tab\there";
	print 80/tcp, 53/udp, 8/icmp, 0/unknown;
	print 1.2.3.4, [::1], [fe80::1], [::ffff:1.2.3.4];
	print 10.0.0.0/8, [fe80::]/64;
	}
