##! Naming files extracted from network traffic.

@load ./addrs

## Makes a file name for data extracted from a connection: the
## connection's endpoints, with an optional prefix and suffix, as in
## "prefix_1.2.3.4:1234-[2001:db8::1]:80_suffix".
##
## prefix: put before the endpoints with "_", unless empty.
##
## c: the connection.
##
## suffix: put after the endpoints with "_", unless empty.
##
## Returns: the file name.
function generate_extraction_filename(prefix: string, c: connection, suffix: string): string
	{
	local name = fmt("%s:%d-%s:%d", addr_to_uri(c$id$orig_h), c$id$orig_p,
	                 addr_to_uri(c$id$resp_h), c$id$resp_p);

	if ( prefix != "" )
		name = fmt("%s_%s", prefix, name);

	if ( suffix != "" )
		name = fmt("%s_%s", name, suffix);

	return name;
	}

## Takes the file name out of a Content-Disposition header's value.
##
## data: the header's value.
##
## Returns: what follows "filename=", without the quotes around it if it
##          is quoted.
function extract_filename_from_content_disposition(data: string): string
	{
	local name = sub(data, /^.*[fF][iI][lL][eE][nN][aA][mM][eE][[:blank:]]*=[[:blank:]]*/, "");

	if ( /^\"/ in name )
		# The text between the first two quotes.
		name = split_string_n(name, /\"/, F, 2)[1];

	return name;
	}
