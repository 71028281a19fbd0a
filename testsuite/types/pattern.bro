# Patterns: == matches the whole string, in matches anywhere; | and &
# combine patterns; /.../i ignores case; flex syntax (quoted strings,
# repetitions, classes).
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local p1: pattern = /foo|bar/;
	local p2 = /oob/;
	local p3 = /^oob/;
	print "foo" == p1, p1 == "foo", "foobar" != p1, p1 != "foobar";
	print p1 in "foobar", p2 in "foobar", p3 !in "foobar";
	print p1;
	local both = /a/ | /b/;
	print both, both == "a", both == "b", both == "ab";
	local seq = /a/ & /b/;
	print seq == "ab", seq == "a";
	print /foo/i == "FoO", /foo/ == "FoO";
	print /"a.b"/ == "a.b", /"a.b"/ == "axb", /x{2,3}/ == "xxx", /x{2,3}/ == "x";
	print /[[:digit:]]+/ in "abc123", /[^a-z]/ in "abc";
	}
