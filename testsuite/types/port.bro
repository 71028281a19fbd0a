# Ports compare by protocol (tcp, then udp, then icmp), then by number;
# |port| is Bro's internal number, with the protocol above bit 16.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	print 80/tcp == 80/tcp, 80/tcp == 80/udp, 22/tcp < 80/tcp;
	print 8080/tcp < 53/udp, 53/udp < 3/icmp, 80/tcp >= 79/tcp;
	print |80/tcp|, |53/udp|;
	}
