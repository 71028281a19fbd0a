# fmt: every directive with widths and precisions, %s of the scalar
# types, and the errors fmt reports at run time (the format is not a
# constant there, so only run time can count the arguments).
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

type color: enum { Red, Blue };

event bro_init()
	{
	print fmt("test");
	print fmt("%%");
	print fmt();
	print fmt("*%-10s*", "test");
	print fmt("*%10s*", "test");
	print fmt("*%10s*", T);
	print fmt("*%10.2e*", 3.14159265);
	print fmt("*%-10.2e*", -3.14159265);
	print fmt("*%10.2f*", -3.14159265);
	print fmt("*%10.2g*", 3.14159265);
	print fmt("*%10d*", -128);
	print fmt("*%-10d*", -128);
	print fmt("*%010d*", 128);
	print fmt("*%10x*", 160);
	print fmt("*%010x*", 160);
	print fmt("*%10x*", 160/tcp);
	print fmt("*%10s*", 160/tcp);
	print fmt("*%10x*", 127.0.0.1);
	print fmt("*%10s*", 192.168.0.0/16);
	print fmt("*%10x*", [fe00::1]);
	print fmt("*%10s*", 3hr);
	print fmt("*%10s*", Blue);
	print fmt("%e", 3.1e+2);
	print fmt("%f", 3.1e+2);
	print fmt("%g", 3.1e+2);
	print fmt("%.3e", 3.1e+2);
	print fmt("%.7g", 3.1e+2);
	print fmt("%g", 1e20);
	print fmt("%g", 0.0001);
	print fmt("%g", 0.00001);
	print fmt("%d %d", T, Blue);
	print fmt("%x", -1);
	print fmt("%s|%s", 1.5, 2.0);
	print fmt("%s", "a\tb");
	print fmt("%D", double_to_time(1234567890.5));
	print fmt("%T", double_to_time(1234567890.5));
	print fmt("[%d]", "x");
	print fmt("[%f]", 3);
	print fmt("[%D]", 1.0);
	print fmt("[%.2d]", 5);
	print fmt("[%200d]", 5);
	print fmt("[%q]", 5);
	local f = "%s %s";
	print fmt(f, 1);
	local g = "%s";
	print fmt(g, 1, 2);
	}
