##! Building patterns from strings and matching them.

## Builds a pattern from the text of one with "~~" in it, where "~~"
## stands for any of a set of literal strings (this works at or before
## start-up only).
##
## ss: the strings, matched literally.
##
## pat: the pattern's text. A literal backslash in it must be doubled, as
##      a string literal takes one away.
##
## Returns: the pattern, with "~~" replaced by the strings joined by "|".
function set_to_regex(ss: set[string], pat: string): pattern
	{
	local alternatives = "";
	local first = T;

	for ( s in ss )
		{
		if ( first )
			alternatives = convert_for_pattern(s);
		else
			alternatives = cat(convert_for_pattern(s), "|", alternatives);

		first = F;
		}

	return string_to_pattern(sub(pat, /~~/, alternatives), F);
	}

## Where a pattern first matches a string.
type PatternMatchResult: record {
	## T if the pattern matched.
	matched: bool;
	## What it matched, the first time.
	str: string;
	## Where that match starts, counting from 1.
	off: count;
};

## Finds the first match of a pattern in a string: for example
## match_pattern("foobar", /o*[a-k]/) is [matched=T, str=f, off=1] (zero
## o's, then a letter), and match_pattern("foobar", /o+[a-k]/) is
## [matched=T, str=oob, off=2].
##
## s: the string.
##
## p: the pattern.
##
## Returns: whether, what and where the pattern matched.
function match_pattern(s: string, p: pattern): PatternMatchResult
	{
	local pieces = split_string_n(s, p, T, 1);

	if ( |pieces| == 1 )
		return [$matched = F, $str = "", $off = 0];

	return [$matched = T, $str = pieces[1], $off = |pieces[0]| + 1];
	}
