# The string bifs that take patterns: splitting, substitution, finding,
# and turning strings into patterns.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event bro_init()
	{
	print split_string("a-b--cd", /-+/), split_string_all("a-b--cd", /(\-)+/);
	print split_string1("a b c", / /), split_string_n("a1b2c3d", /[0-9]/, T, 2), split_string_n("a1b2c3d", /[0-9]/, F, 0);
	print |split_string("", /,/)|, split_string("abc", /x/), split_string("a,b,", /,/), |split_string("a,b,", /,/)|;
	print split_string("a+b", /\+/), split_string("aXbxc", /x/i);
	local a = split("a b c", / /);
	print |a|, a[1], a[3];
	local b = split_all("a-b", /-/);
	print |b|, b[2];
	print split1("k=v=w", /=/)[2], |split_n("1.2.3.4", /\./, F, 2)|;
	print sub("this is a test", /is/, "IS"), gsub("this is a test", /is/, "IS");
	print gsub("aaa", /a*/, "b"), gsub("abc", /x*/, "-"), sub("", /a/, "b"), gsub("a.b.c", /\./, "");
	local f = find_all("a1b22c333", /[0-9]+/);
	print |f|, "22" in f, "2" in f, |find_all("abc", /x/)|;
	print find_last("a1b22c333", /[0-9]/), find_last("abc", /x/), find_last("", /x/);
	print convert_for_pattern("a.b*c"), convert_for_pattern("^$-:\"\\/|*+?.(){}[]");
	print string_to_pattern("a.b", T), "a.b" == string_to_pattern("a.b", T), "axb" == string_to_pattern("a.b", T), "axb" == string_to_pattern("a.b", F);
	print "b" == merge_pattern(/a/, /b/), "a" == merge_pattern(/a/, /b/), "c" == merge_pattern(/a/, /b/);
	}
