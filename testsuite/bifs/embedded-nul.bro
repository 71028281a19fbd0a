# A builtin that hands a string on as C text (a number to parse, a file
# or variable name, a prefix) reports a string with an embedded NUL, in
# print's escaped form, and goes on with "<string-with-NUL>" in its place.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event bro_init()
	{
	print to_count("1\x002");
	local f = open("hi\x00there");
	print get_file_name(f);
	close(f);
	print getenv("PA\x00TH") == "";
	# The name stands as "<string-with-NUL>": the file opened above.
	print file_size("no\x00such");
	print lookup_ID("bro\x00_init");
	print unique_id("id\x00")[0:17];
	}
