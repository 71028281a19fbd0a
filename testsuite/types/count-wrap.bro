# Counts and ints wrap around silently in arithmetic, as C's 64-bit
# integers do in Bro 2.6. Only "--" checks: a count decremented below zero
# is reported as an error, which does not stop the handler, and keeps the
# wrapped value.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local c: count = 0;
	local m: count = 18446744073709551615;
	local i: int = 9223372036854775807;
	print m + 1, c - 1, m * 2;
	print i + 1, -i - 2;
	--c;
	print c;
	c = 5;
	--c;
	print c;
	local j: int = 0;
	--j;
	print j;
	++m;
	print m;
	}
