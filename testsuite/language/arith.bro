# Arithmetic with Bro's promotions: count, then int, then double;
# integer division truncates toward zero.
# @TEST-EXEC: bro -b %INPUT >out
# @TEST-EXEC: btest-diff out

event bro_init()
	{
	local c: count = 7;
	local i: int = -3;
	local d = 2.5;
	print c + 1, c - 1, c * 2, c / 2, c % 4;
	print c + i, i * 2, i / 2;
	print c + d, d * 2, 7.0 / 2, 3.0;
	print -c, +c;
	local x = 5;
	x += 2;
	++x;
	print x;
	print 1 < 2, 2.0 > 3, "a" < "b", c == 7, c != 7;
	print T && F, T || F, ! T;
	print 3 > 2 ? "yes" : "no";
	}
