# str_smith_waterman: the best alignment (variant 0) or every common
# substring (variant 1), ordered by offset in the longer string, with
# the result and each alignment vector starting at index 1.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

function show(s1: string, s2: string, min: count, mode: count)
	{
	local ss = str_smith_waterman(s1, s2, [$min_strlen=min, $sw_variant=mode]);
	print fmt("%s - %s: %d", s1, s2, |ss|);
	for ( j in ss )
		print fmt("tok %d: %s (%d/%d, %s)", j, ss[j]$str,
		          ss[j]$aligns[1]$index, ss[j]$aligns[2]$index, ss[j]$new);
	}

# A single common substring.
show("xABCy", "zABCw", 2, 0);
# Two substrings of one alignment: only the first opens it.
show("ABxCD", "AByCD", 2, 0);
# Repeated occurrences.
show("ABxAB", "AB", 2, 1);
show("AAA", "AA", 2, 1);
show("AAB", "AB", 1, 1);
# Nothing in common; strings shorter than the minimum.
show("abc", "xyz", 2, 0);
show("a", "a", 2, 0);

# The default parameters (3, single), and the whole result.
print str_smith_waterman("xABCy", "zABCw", sw_params());
print str_smith_waterman("xABy", "zABw", sw_params());
