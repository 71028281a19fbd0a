# The math bifs, including their edge cases.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

function test(la1: double, lo1: double, la2: double, lo2: double)
	{
	print fmt("%.4e", haversine_distance(la1, lo1, la2, lo2));
	}

event bro_init()
	{
	print floor(3.14), floor(-3.14), floor(2.0);
	print sqrt(16.0), sqrt(2.0), sqrt(0.0);
	print sqrt(-4.0);
	print exp(0.0), exp(1.0);
	print ln(1.0), ln(2.718281828459045), ln(0.0);
	print log10(1000.0), log10(0.1), log10(-1.0);
	test(37.866798, -122.253601, 48.25, 11.65);
	test(48.25, 11.65, 37.866798, -122.253601);
	test(.0001388889, 0, -.0001388889, 0);
	test(38, 0.000138999, 38, -0.000138999);
	test(38, 180, 38, -179.98333);
	test(45, -90, -45, 90);
	test(90, 0, -90, 0);
	}
