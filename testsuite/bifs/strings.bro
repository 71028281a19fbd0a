# The string bifs that need no patterns, with empty strings and odd
# arguments.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event bro_init()
	{
	print levenshtein_distance("kitten", "sitting"), levenshtein_distance("", "abc"), levenshtein_distance("abc", "");
	print string_cat("a", "", "bc"), string_cat();
	print edit("hello there", "e"), edit("abc", "xy"), edit("", "x");
	print sub_bytes("123456789", 2, 3), sub_bytes("123456789", 0, 2), sub_bytes("123456789", 7, -1), sub_bytes("123456789", 10, 2), sub_bytes("", 1, 1);
	print strcmp("abc", "abc"), strcmp("abc", "abd") < 0, strcmp("abcd", "abc") > 0, strcmp("", "a") < 0;
	print strstr("this is a test", "is"), strstr("abc", "x"), strstr("abc", "");
	print subst_string("aaaa", "aa", "b"), subst_string("abc", "", "x"), subst_string("a.b.c", ".", "--");
	print to_lower("HeLLo 123\xC4"), to_upper("HeLLo 123\xe4");
	print clean("a\x00b\x7f"), escape_string("tab\there"), to_string_literal("say \"hi\" \\ 'x'\n");
	print is_ascii("abc"), is_ascii("ab\x80"), is_ascii("");
	print string_to_ascii_hex("04A"), string_to_ascii_hex("");
	print strip("  a b \t\n"), strip(""), strip("   "), strip("x");
	print string_fill(10, "abc"), |string_fill(10, "abc")|, string_fill(1, "x");
	print str_shell_escape("echo \"$HOME\" `id` \\ ;");
	print reverse("abc"), reverse("");
	print hexdump("ABCDEFGHIJKLMNOPQ\x00\xff");
	print hexdump("");
	local a: string_array;
	a[1] = "c";
	a[2] = "a";
	a[3] = "b";
	print cat_string_array(a), cat_string_array_n(a, 2, 3), join_string_array("-", a);
	print sort_string_array(a);
	local v: string_vec;
	v[0] = "x";
	v[1] = "y\x01";
	print join_string_vec(v, ", ");
	local idx: index_vec;
	idx[0] = 2;
	idx[1] = 5;
	print str_split("abcdefgh", idx);
	}
