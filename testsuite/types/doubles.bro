# Doubles and times print as Bro 2.6's ODesc writes a double: at most six
# fraction digits, trailing zeros dropped, no fraction at all when it
# rounds to zero, ".0" when the value is a whole number that fits a C int,
# and C's "%e" beyond 2^31-1. print, fmt("%s") and cat() agree.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	print 1e20, 2147483647.0, 2147483648.0, 1e-7, 0.9999999, 3.14159265;
	print -0.0, 1.0 / 3.0, 0.5, -2.75, 123456789.123, 100.0;
	print double_to_time(1.5), double_to_time(1234567890.123456), double_to_time(0.0);
	print fmt("%s", 1e20), cat(0.9999999), fmt("%s", double_to_time(2.0));
	}
