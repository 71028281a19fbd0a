# Run-time expression errors show the expression in square brackets, as
# Bro 2.6's reporter writes them.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

function f(a: any)
	{
	print a as string;
	}

event bro_init()
	{
	f(5);
	print "next";
	}
