# set_to_regex and match_pattern.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/patterns

event bro_init()
	{
	print set_to_regex(set("a.b"), "^(~~)$");
	local p = set_to_regex(set("www.example.com", "x+y"), "^(~~)$");
	print "www.example.com" == p, "wwwXexample.com" == p, "x+y" == p, "xxy" == p;
	print match_pattern("foobar", /o*[a-k]/);
	print match_pattern("foobar", /o+[a-k]/);
	print match_pattern("foobar", /z/);
	print match_pattern("", /x*/);
	}
