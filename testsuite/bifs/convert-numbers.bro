# Conversions between numbers, strings, times and intervals, with the
# errors Bro reports for what does not convert.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event bro_init()
	{
	print to_int("123"), to_int(" -42x"), to_int(""), to_int("2147483648");
	print int_to_count(2), int_to_count(-2);
	print double_to_count(3.14), double_to_count(3.9), double_to_count(2.5), double_to_count(3.5);
	print to_count("7"), to_count(""), to_count("-5"), to_count("not a count"), to_count(" 12");
	print to_count("9223372036854775808"), to_count("18446744073709551616");
	print to_double("1.5e3"), to_double("-0.25"), to_double(""), to_double("3x");
	print interval_to_double(2min), double_to_interval(90.0), double_to_interval(-1.5);
	print time_to_double(double_to_time(1.5)), double_to_time(0.0);
	print bytestring_to_double("\x40\x09\x21\xfb\x54\x44\x2d\x18");
	print bytestring_to_double("abc");
	print bytestring_to_count("\x01"), bytestring_to_count("\x01\x02"), bytestring_to_count("\x01\x02", T);
	print bytestring_to_count("\x00\x00\x01\x00"), bytestring_to_count("\x00\x00\x01\x00", T);
	print bytestring_to_count("\x01\x00\x00\x00\x00\x00\x00\x00", T);
	print bytestring_to_count("abc");
	print bytestring_to_hexstr("04"), bytestring_to_hexstr(""), bytestring_to_hexstr("\xff\x00");
	print hexstr_to_bytestring("3034"), hexstr_to_bytestring("4142ff"), hexstr_to_bytestring("");
	print hexstr_to_bytestring("a");
	print uuid_to_string("\xfe\x80abcdefg0123456"), uuid_to_string("");
	print strftime("%Y-%m-%d %H:%M:%S", double_to_time(1234567890.5));
	print strftime("%a %b %e %j %y %%", double_to_time(0.0));
	print strftime("", double_to_time(0.0));
	print strptime("%Y-%m-%d %H:%M:%S", "2009-02-13 23:31:30");
	print strptime("%d/%b/%Y", "13/Feb/2009");
	print strptime("%Y", "x");
	}
