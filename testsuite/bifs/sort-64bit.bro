# Without a comparison function, sort() and order() compare 64-bit
# values, unsigned for counts; to_int() gives a 64-bit int.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local v = vector(5000000000, 3, 18446744073709551615, 4294967296);
	sort(v);
	print v;
	local w = vector(-5000000000, 3, 5000000000, -1);
	sort(w);
	print w;
	print order(vector(5000000000, 3, 4294967296));
	print to_int("4294967296"), to_int("-4294967297");
	}
