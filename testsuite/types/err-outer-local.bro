# In Bro 2.6 an anonymous function cannot use the locals or parameters of
# the function it is written in.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

function bar(b: string)
	{
	local d = 8;
	local f = function(a: string): string
		{
		print d;
		return a + b;
		};
	print f("x");
	}

event bro_init()
	{
	bar("1");
	}
