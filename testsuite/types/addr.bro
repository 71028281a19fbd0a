# Addresses and subnets: IPv4, IPv6 and IPv4-mapped literals, ordering,
# membership, masking with /, subnet equality, |addr| and |subnet|.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local a = 192.168.1.100;
	local s = 192.168.0.0/16;
	print a in s, 10.0.0.1 in s, a !in s;
	print a / 24, a / 8, [2001:db8::1] / 32;
	print 10.0.0.0/8 == 10.1.2.3/8, 10.0.0.0/8 == 10.0.0.0/9, 10.0.0.0/8 != 10.0.0.0/16;
	print [::ffff:1.2.3.4] == 1.2.3.4, [::ffff:1.2.3.4];
	print 1.2.3.4 < 1.2.3.5, 10.0.0.1 > 9.255.255.255, [::1] == [0:0:0:0:0:0:0:1];
	print |1.2.3.4|, |[::1]|, |192.168.0.0/24|;
	print [2001:db8::1] in [2001:db8::]/32, [2001:db9::1] in [2001:db8::]/32;
	}
