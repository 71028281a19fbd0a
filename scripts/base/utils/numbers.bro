##! Reading numbers out of text.

## Returns the first run of decimal digits in a string as a count.
##
## s: the text.
##
## Returns: the number, or 0 if the text holds no digit.
function extract_count(s: string): count
	{
	local pieces = split_string_n(s, /[0-9]+/, T, 1);

	# With the separator kept, the digits are the second piece.
	if ( |pieces| < 2 )
		return 0;

	return to_count(pieces[1]);
	}
