# getenv gives "" for an unset variable; setenv overwrites, and refuses
# an empty name or one holding "=".
# @TEST-EXEC: GOBRO_TEST_PRESET=preset bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

function fmt_empty(s: string): string
	{
	return s == "" ? "<empty>" : s;
	}

event bro_init()
	{
	print getenv("GOBRO_TEST_PRESET");
	print fmt_empty(getenv("GOBRO_TEST_SURELY_UNSET"));
	print setenv("GOBRO_TEST_PRESET", "changed"), getenv("GOBRO_TEST_PRESET");
	print setenv("GOBRO_TEST_NEW", ""), getenv("GOBRO_TEST_NEW") == "";
	print setenv("", "x");
	print setenv("A=B", "x");
	}
