##! Recognising IP addresses in text, and formatting addresses and MAC
##! addresses.

# The address forms, as patterns. Each matches the whole of an address
# when compared with "==".

## A dotted-quad IPv4 address (octet values are not checked).
const ipv4_addr_regex = /[[:digit:]]{1,3}\.[[:digit:]]{1,3}\.[[:digit:]]{1,3}\.[[:digit:]]{1,3}/;

## An IPv6 address written as eight groups of hex digits.
const ipv6_8hex_regex = /([0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}/;

## An IPv6 address with a run of zero groups written as "::".
const ipv6_compressed_hex_regex = /(([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?)::(([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?)/;

## An IPv6 address of six hex groups followed by a dotted IPv4 tail.
const ipv6_hex4dec_regex = /(([0-9A-Fa-f]{1,4}:){6,6})([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)/;

## A compressed IPv6 address followed by a dotted IPv4 tail.
const ipv6_compressed_hex4dec_regex = /(([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?)::(([0-9A-Fa-f]{1,4}:)*)([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)/;

## Any of the IPv6 forms above.
const ipv6_addr_regex =
	/([0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}/ |
	/(([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?)::(([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?)/ |
	/(([0-9A-Fa-f]{1,4}:){6,6})([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)/ |
	/(([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?)::(([0-9A-Fa-f]{1,4}:)*)([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)/;

## Any IPv4 or IPv6 address form.
const ip_addr_regex =
	/[[:digit:]]{1,3}\.[[:digit:]]{1,3}\.[[:digit:]]{1,3}\.[[:digit:]]{1,3}/ |
	/([0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}/ |
	/(([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?)::(([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?)/ |
	/(([0-9A-Fa-f]{1,4}:){6,6})([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)/ |
	/(([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?)::(([0-9A-Fa-f]{1,4}:)*)([0-9]+)\.([0-9]+)\.([0-9]+)\.([0-9]+)/;

## Tells whether every string of a vector is a number from 0 to 255.
##
## octets: the strings to check.
##
## Returns: T if each one is a valid octet value, else F.
function has_valid_octets(octets: string_vec): bool
	{
	for ( i in octets )
		{
		if ( to_count(octets[i]) > 255 )
			return F;
		}

	return T;
	}

## Tells whether a string has the form of an IPv4 or IPv6 address, with
## valid octets in any dotted part.
##
## ip_str: the string to check.
##
## Returns: T if the whole string is an address.
function is_valid_ip(ip_str: string): bool
	{
	local quad: string_vec;

	if ( ip_str == ipv4_addr_regex )
		{
		quad = split_string(ip_str, /\./);
		return |quad| == 4 && has_valid_octets(quad);
		}

	if ( ip_str != ipv6_addr_regex )
		return F;

	# The all-hex forms say everything with their patterns; a dotted
	# tail still needs its octets checked.
	if ( ip_str != ipv6_hex4dec_regex && ip_str != ipv6_compressed_hex4dec_regex )
		return T;

	quad = split_string(ip_str, /\./);
	if ( |quad| != 4 )
		return F;

	# The first octet follows the last colon.
	local groups = split_string(quad[0], /:/);
	quad[0] = groups[|groups| - 1];
	return has_valid_octets(quad);
	}

## Finds the IP addresses written in a string.
##
## input: the text to search.
##
## Returns: the valid addresses found, in order, indexed from 0.
function find_ip_addresses(input: string): string_array &deprecated
	{
	local found: string_array;
	local pieces = split_string_all(input, ip_addr_regex);

	for ( i in pieces )
		{
		# Odd positions hold what the pattern matched.
		if ( i % 2 == 1 && is_valid_ip(pieces[i]) )
			found[|found|] = pieces[i];
		}

	return found;
	}

## Finds the IP addresses written in a string.
##
## input: the text to search.
##
## Returns: the valid addresses found, in order.
function extract_ip_addresses(input: string): string_vec
	{
	local found: string_vec;
	local pieces = split_string_all(input, ip_addr_regex);

	for ( i in pieces )
		{
		if ( i % 2 == 1 && is_valid_ip(pieces[i]) )
			found[|found|] = pieces[i];
		}

	return found;
	}

## Writes an address as it stands in a URI: IPv6 addresses in square
## brackets, IPv4 addresses as they are.
##
## a: the address.
##
## Returns: the address text for a URI.
function addr_to_uri(a: addr): string
	{
	if ( is_v4_addr(a) )
		return fmt("%s", a);

	return fmt("[%s]", a);
	}

## Writes a MAC address in the form 00:a0:32:d7:81:8f from any text
## holding its 12 (or 16) hex digits; other characters are dropped.
##
## a: the text of the address.
##
## Returns: the address in lower case with colons between byte pairs, or
##          an empty string if the text does not hold 12 or 16 hex digits.
function normalize_mac(a: string): string
	{
	local digits = to_lower(gsub(a, /[^A-Fa-f0-9]/, ""));

	if ( |digits| != 12 && |digits| != 16 )
		return "";

	local mac = "";
	local n = 0;

	for ( d in digits )
		{
		if ( n > 0 && n % 2 == 0 )
			mac = cat(mac, ":");

		mac = cat(mac, d);
		++n;
		}

	return mac;
	}
