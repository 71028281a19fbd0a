# String helpers: is_string_binary, join_string_set, string_escape,
# cut_tail.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/strings

event bro_init()
	{
	print is_string_binary("plain text"), is_string_binary("\xff\xfe\x00a"),
	      is_string_binary("abc\xff"), is_string_binary("abcdefg\xff");
	print join_string_set(set("only"), ", "), join_string_set(set(), ", ") == "";
	print |join_string_set(set("a", "b", "c"), "--")|;
	print string_escape("a.b*c\\d", ".*");
	print string_escape("nothing", "");
	print cut_tail("filename.txt", 4), cut_tail("abc", 0), cut_tail("abc", 10) == "";
	}
