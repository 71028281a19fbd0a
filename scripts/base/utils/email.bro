##! Pulling email addresses out of header text such as RFC 5322 address
##! lists.

## Extracts the email addresses in a string.
##
## str: the text, typically a header's value.
##
## Returns: the addresses found, in order; empty if there are none.
function extract_email_addrs_vec(str: string): string_vec
	{
	local found: string_vec = vector();

	# A mailbox between separators (or the ends of the text): a local
	# part, "@", a domain. The separators are then stripped.
	for ( m in find_all(str, /(^|[<,:[:blank:]])[^<,:[:blank:]@]+"@"[^>,;[:blank:]]+([>,;[:blank:]]|$)/) )
		found[|found|] = gsub(m, /[<>,:;[:blank:]]/, "");

	return found;
	}

## Extracts the email addresses in a string.
##
## str: the text, typically a header's value.
##
## Returns: the set of addresses found; empty if there are none.
function extract_email_addrs_set(str: string): set[string]
	{
	local found: set[string] = set();

	for ( m in find_all(str, /(^|[<,:[:blank:]])[^<,:[:blank:]@]+"@"[^>,;[:blank:]]+([>,;[:blank:]]|$)/) )
		add found[gsub(m, /[<>,:;[:blank:]]/, "")];

	return found;
	}

## Extracts the first email address in a string.
##
## str: the text, typically a header's value.
##
## Returns: the address, or an empty string if there is none.
function extract_first_email_addr(str: string): string
	{
	local found = extract_email_addrs_vec(str);

	if ( |found| == 0 )
		return "";

	return found[0];
	}

## Splits the value of a MIME header such as To: into its addresses, each
## with its display name as the mail client wrote it. Groups are not
## understood: a group's name stays part of its first address.
##
## line: the header's value.
##
## Returns: the addresses, each stripped of surrounding blanks.
function split_mime_email_addresses(line: string): set[string]
	{
	local parts = string_set();

	for ( p in find_all(line, /(\"[^"]*\")?[^,]+/) )
		add parts[strip(p)];

	return parts;
	}
