# An anonymous function's body is checked with the enclosing function's
# locals at their types; each use of one is reported when the body ends,
# after the body's own errors.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

function bar(b: string)
	{
	local d = 8;
	local f = function(a: string): string
		{
		print d;
		print d + "x";
		return a + b;
		};
	print f("x");
	}
