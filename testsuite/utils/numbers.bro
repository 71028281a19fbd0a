# extract_count: the first run of digits.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/numbers

event bro_init()
	{
	print extract_count("no digits at all");
	print extract_count("42 is first");
	print extract_count("between 7 and 8");
	print extract_count("at the end 99");
	print extract_count("1a2b3");
	print extract_count("007");
	print extract_count("");
	}
