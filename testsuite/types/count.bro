# count arithmetic wraps; the bitwise operators work on counts.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local c1: count = 5;
	local c2: count = 9;
	print c1 - c2, 18446744073709551615 + c1;
	print c1 & 3, c1 | 3, c1 ^ 3, ~c1, ~0;
	print c1 % 3, -c1, 7 / 2, 7.0 / 2;
	}
