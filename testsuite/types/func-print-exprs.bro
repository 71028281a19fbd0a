# Expressions inside a printed function, as Bro 2.6 rebuilt them: string
# indices and slices converted to int, a named record constructor
# coerced to its type, the &default argument a call leaves out written
# in, sets' brackets dropped in "in", and "!in", copy() and |x| in Bro's
# own spelling.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type Pair: record {
	a: count;
	b: string &optional;
};

global pairs: set[count, string];

function scale(x: count, factor: double &default=2.0): double
	{
	return x * factor;
	}

function exprs(s: string, n: count, v: vector of count)
	{
	print s[1], s[2:], s == /a+/, n >= 2 sec / 1 sec;
	print [n, s] in pairs, n !in v, |v|, copy(v);
	print Pair($a=n), scale(n), n > 1 ? n : 0.5;
	switch ( s ) {
	case "x", "y":
		break;
	}
	}

print exprs;
