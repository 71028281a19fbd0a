# Time and interval arithmetic and comparisons.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local i1 = 2min;
	local i2 = 30sec;
	print i1 + i2, i1 - i2, i2 - i1, i1 * 2, 3 * i2, i1 / 4, i1 / i2;
	print -i1, |-i1|, i1 > i2, i1 == 120sec, 1.5hrs;
	}
