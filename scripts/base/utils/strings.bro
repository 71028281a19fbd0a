##! Small string functions written in script.

## Tells whether a string is mostly binary: at least a quarter of its
## bytes are not 7-bit ASCII.
##
## s: the string (not empty: that divides by zero).
##
## Returns: T if 25% or more of the bytes have their high bit set.
function is_string_binary(s: string): bool
	{
	local high = byte_len(gsub(s, /[\x00-\x7f]/, ""));
	return high * 100 / |s| >= 25;
	}

## Joins the strings of a set with a separator between them.
##
## ss: the strings.
##
## j: the separator.
##
## Returns: the strings in the set's order, separated by *j*.
function join_string_set(ss: set[string], j: string): string
	{
	local joined = "";
	local first = T;

	for ( s in ss )
		{
		if ( first )
			first = F;
		else
			joined = cat(joined, j);

		joined = cat(joined, s);
		}

	return joined;
	}

## Puts a backslash before every character of a given list, and before
## every backslash.
##
## s: the string to escape.
##
## chars: the characters to escape.
##
## Returns: the escaped string.
function string_escape(s: string, chars: string): string
	{
	local escaped = subst_string(s, "\\", "\\\\");

	for ( c in chars )
		escaped = subst_string(escaped, c, cat("\\", c));

	return escaped;
	}

## Removes bytes from the end of a string.
##
## s: the string.
##
## tail_len: how many bytes to remove; all of them if it is longer.
##
## Returns: what is left.
function cut_tail(s: string, tail_len: count): string
	{
	if ( tail_len > |s| )
		tail_len = |s|;

	return sub_bytes(s, 1, int_to_count(|s| - tail_len));
	}
