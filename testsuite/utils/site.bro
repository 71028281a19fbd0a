# Site: local and neighbour networks and zones, private space, admins.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/site

redef Site::local_nets += { 10.0.0.0/8, 192.168.0.0/16, 10.20.0.0/16 };
redef Site::neighbor_nets += { 172.16.5.0/24 };
redef Site::local_zones += { "example.com", "corp.local" };
redef Site::neighbor_zones += { "partner.org" };

global admins_a = set("site-admin@example.com");
global admins_b = set("net-admin@example.com");

# A /1 network covers the shorter masks of 0.0.0.0/1 addresses, so that
# every mask Site::get_emails tries is in the table (an empty address is
# left out of its result).
redef Site::local_admins += {
	[0.0.0.0/1] = set(""),
	[10.0.0.0/8] = admins_a,
	[10.20.0.0/16] = admins_b,
};

event bro_init()
	{
	print Site::is_local_addr(10.1.2.3), Site::is_local_addr(11.0.0.1),
	      Site::is_local_addr(192.168.7.7);
	print Site::is_neighbor_addr(172.16.5.9), Site::is_neighbor_addr(172.16.6.9);
	print Site::is_private_addr(172.20.0.1), Site::is_private_addr(100.64.1.1),
	      Site::is_private_addr(8.8.8.8), Site::is_private_addr([fe80::1]),
	      Site::is_private_addr([::1]), Site::is_private_addr([2001:db8::1]);
	print Site::is_local_name("www.example.com"), Site::is_local_name("example.com"),
	      Site::is_local_name(".example.com"), Site::is_local_name("badexample.com"),
	      Site::is_local_name("example.com.evil"), Site::is_local_name("host.corp.local");
	print Site::is_neighbor_name("mail.partner.org"), Site::is_neighbor_name("partner.org.uk");
	print Site::local_nets_table[10.20.3.4], Site::local_nets_table[10.9.9.9];
	print Site::get_emails(10.3.3.3);
	local both = Site::get_emails(10.20.1.1);
	print |both|, "site-admin@example.com" in both, "net-admin@example.com" in both;
	print Site::get_emails(8.8.8.8) == "";
	}
