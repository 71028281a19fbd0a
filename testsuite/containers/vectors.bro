# Vectors: constructors, appending with v[|v|], holes (rendering and
# |v|), element-wise arithmetic and comparison between vectors, in.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global gv: vector of string = { "a", "b" };

event bro_init()
	{
	local v = vector(1, 2, 3);
	v[|v|] = 4;
	print v, |v|;
	local e: vector of count = vector();
	print e, |e|;
	e[|e|] = 7;
	print e;
	local h: vector of count;
	h[2] = 3;
	print h, |h|;
	h[5] = 6;
	print h, |h|;
	print 0 in h, 2 in h, 5 in h, 6 in h;
	local w = vector(10, 20, 30, 40);
	print v + w, w - v, v * w, w / v;
	print v < w, v == w;
	local d = vector(1.5, 2.5);
	print d + vector(0.5, 0.5);
	print gv, |gv|;
	gv[|gv|] = "c";
	print gv;
	local alias = gv;
	alias[0] = "z";
	print gv[0];
	local c = copy(gv);
	c[0] = "y";
	print gv[0], c[0];
	}
