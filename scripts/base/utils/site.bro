##! What belongs to the site being monitored: its networks, its
##! neighbours' networks, its DNS zones and who runs which networks.

@load ./patterns

module Site;

export {
	## Address space that is private and not routed: by default the
	## non-routable IPv4 blocks of the RFCs, loopback and IPv6 link-local.
	option private_address_space: set[subnet] = {
		10.0.0.0/8,
		192.168.0.0/16,
		172.16.0.0/12,
		100.64.0.0/10,	# Carrier-grade NAT, RFC 6598
		127.0.0.0/8,
		[fe80::]/10,
		[::1]/128,
	};

	## The local networks (BroControl sets them).
	option local_nets: set[subnet] = {};

	## The local networks as a table from each to itself, filled from
	## local_nets at start-up: indexing it with an address yields the
	## most specific local network holding it.
	global local_nets_table: table[subnet] of subnet = {};

	## The networks of neighbours.
	option neighbor_nets: set[subnet] = {};

	## Who administers which networks: email addresses by network.
	option local_admins: table[subnet] of set[string] = {};

	## The DNS zones that are local.
	option local_zones: set[string] = {};

	## The DNS zones of neighbours.
	option neighbor_zones: set[string] = {};

	## Tells whether an address is in one of the local_nets.
	global is_local_addr: function(a: addr): bool;

	## Tells whether an address is in one of the neighbor_nets.
	global is_neighbor_addr: function(a: addr): bool;

	## Tells whether an address is in the private_address_space.
	global is_private_addr: function(a: addr): bool;

	## Tells whether a host name is in one of the local_zones.
	global is_local_name: function(name: string): bool;

	## Tells whether a host name is in one of the neighbor_zones.
	global is_neighbor_name: function(name: string): bool;

	## Returns the email addresses of the administrators of an address,
	## from local_admins, separated by ", ".
	global get_emails: function(a: addr): string;
}

# Matchers for the zones, made from local_zones and neighbor_zones at
# start-up.
global local_dns_suffix_regex: pattern = /MATCH_NOTHING/;
global local_dns_neighbor_suffix_regex: pattern = /MATCH_NOTHING/;

function is_local_addr(a: addr): bool
	{
	return a in local_nets;
	}

function is_neighbor_addr(a: addr): bool
	{
	return a in neighbor_nets;
	}

function is_private_addr(a: addr): bool
	{
	return a in private_address_space;
	}

function is_local_name(name: string): bool
	{
	return local_dns_suffix_regex in name;
	}

function is_neighbor_name(name: string): bool
	{
	return local_dns_neighbor_suffix_regex in name;
	}

# The IPv4 prefix lengths, to loop over.
const one_to_32: vector of count = {
	1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
	17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32
};

# The administrators of every network of local_admins that holds the
# address (IPv4 only).
function find_all_emails(ip: addr): set[string]
	{
	local found: set[string] = set();

	if ( ip !in local_admins )
		return found;

	for ( i in one_to_32 )
		{
		local net = mask_addr(ip, one_to_32[i]);

		if ( net !in local_admins )
			next;

		for ( email in local_admins[net] )
			{
			if ( email != "" )
				add found[email];
			}
		}

	return found;
	}

# The addresses of a set, separated by ", ".
function fmt_email_string(emails: set[string]): string
	{
	local s = "";

	for ( email in emails )
		{
		if ( s == "" )
			s = email;
		else
			s = fmt("%s, %s", s, email);
		}

	return s;
	}

function get_emails(a: addr): string
	{
	return fmt_email_string(find_all_emails(a));
	}

event bro_init() &priority=10
	{
	# The zones match at the end of a name, after a dot or as the whole
	# name (with or without a leading dot).
	local_dns_suffix_regex = set_to_regex(local_zones, "(^\\.?|\\.)(~~)$");
	local_dns_neighbor_suffix_regex = set_to_regex(neighbor_zones, "(^\\.?|\\.)(~~)$");

	for ( net in local_nets )
		local_nets_table[net] = net;
	}
