# A local whose declaration with a value never ran (its block was
# skipped) holds no value: reading it is an error that abandons just the
# statement.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

function f(b: bool)
	{
	if ( b )
		{
		local y = 5;
		}
	print y;
	print "after";
	}
event bro_init() { f(F); f(T); }
