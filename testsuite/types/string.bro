# Strings: indexing (negative indices count from the end; out of range
# gives ""), comparison, concatenation, substring search, escapes.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local word = "HelpA";
	print word[0], word[4], word[5], word[-1], word[-5], word[-6], word[100];
	print "abc" < "abd", "abc" == "abc", "b" > "abc", "abc" != "ABC";
	print "foo" + "bar", |"foo" + "bar"|;
	print "ell" in "hello", "xyz" in "hello", "ell" !in "hello";
	print "\x41\x42", "a\"b";
	}
