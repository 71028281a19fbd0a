# "v += e" appends e to v (Bro 2.6), converting numbers to the element type.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record {
	a: count;
};

function f(): vector of string
	{
	return vector("x");
	}

event bro_init()
	{
	local v: vector of count;
	v += 1;
	v += 2;
	print v, |v|;
	local d: vector of double = vector(1.5);
	d += 2;
	print d;
	local i: vector of int;
	i += 3;
	i += -4;
	print i;
	local s: vector of string;
	s += "a";
	s += "b" + "c";
	print s;
	local r: vector of R;
	r += [$a=1];
	print r;
	local vv: vector of vector of count;
	vv += v;
	vv += vector(7, 8);
	print vv;
	# The value of the expression is the vector itself.
	local w = (v += 9);
	w += 10;
	print v;
	# The operand need not be assignable.
	print f() += "y";
	}
