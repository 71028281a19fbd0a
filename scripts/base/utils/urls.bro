##! Finding URLs in text and taking them apart.

## A URL, for finding them in text: a scheme of 3 to 5 letters, "://",
## a host part, a path and a query.
const url_regex = /^([a-zA-Z\-]{3,5})(:\/\/[^\/?#"'\r\n><]*)([^?#"'\r\n><]*)([^[:blank:]\r\n"'><]*|\??[^"'\r\n><]*)/ &redef;

## The parts of a URI, as decompose_uri gives them.
type URI: record {
	## The scheme, if there is one.
	scheme:		string &optional;
	## The host name or address; empty if there is none.
	netlocation:	string;
	## The port, if one is given.
	portnum:	count &optional;
	## The path, file name included; "/" if there is none.
	path:		string;
	## The file name with its extension, if the path names a file.
	file_name:	string &optional;
	## The file name without its extension, if the path names a file.
	file_base:	string &optional;
	## The file name's extension, if it has one.
	file_ext:	string &optional;
	## The query's parameters by name, if there is a query.
	params:		table[string] of string &optional;
};

## Finds the URLs in a string.
##
## s: the text.
##
## Returns: the URLs found.
function find_all_urls(s: string): string_set
	{
	return find_all(s, url_regex);
	}

## Finds the URLs in a string, without their schemes.
##
## s: the text.
##
## Returns: the URLs found, each without "scheme://".
function find_all_urls_without_scheme(s: string): string_set
	{
	local urls: set[string] = set();

	for ( url in find_all_urls(s) )
		add urls[sub(url, /^([a-zA-Z\-]{3,5})(:\/\/)/, "")];

	return urls;
	}

## Takes a URI apart.
##
## s: the URI.
##
## Returns: its parts.
function decompose_uri(s: string): URI
	{
	local u: URI = [$netlocation="", $path="/"];
	local halves: string_vec;

	if ( /\?/ in s )
		{
		u$params = table();
		halves = split_string1(s, /\?/);
		s = halves[0];
		local query = halves[1];

		if ( /&/ in query )
			{
			local pairs = split_string(query, /&/);

			for ( i in pairs )
				{
				# Parameters without "=" are left out.
				if ( /=/ in pairs[i] )
					{
					halves = split_string1(pairs[i], /=/);
					u$params[halves[0]] = halves[1];
					}
				}
			}
		else
			{
			halves = split_string1(query, /=/);
			u$params[halves[0]] = halves[1];
			}
		}

	if ( /:\/\// in s )
		{
		halves = split_string1(s, /:\/\//);
		u$scheme = halves[0];
		s = halves[1];
		}

	if ( /\// in s )
		{
		halves = split_string1(s, /\//);
		s = halves[0];
		u$path = fmt("/%s", halves[1]);

		if ( |u$path| > 1 && u$path[|u$path| - 1] != "/" )
			{
			# The last component names a file.
			local file_name = split_string1(find_last(u$path, /\/.+/), /\//)[1];
			u$file_name = file_name;

			if ( /\./ in file_name )
				{
				halves = split_string1(file_name, /\./);
				u$file_base = halves[0];
				u$file_ext = halves[1];
				}
			else
				u$file_base = file_name;
			}
		}

	if ( /:/ in s )
		{
		halves = split_string1(s, /:/);
		u$netlocation = halves[0];
		u$portnum = to_count(halves[1]);
		}
	else
		u$netlocation = s;

	return u;
	}
