# "as" and "is" on values of type any; a cast to the wrong type fails
# at run time and ends the function.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

function cast_to_string(a: any, b: string)
	{
	local P = (a as string);
	local Cmp = (P == b);
	print a, P, P is string, a is count, Cmp;
	}

function cast_to_count(a: any)
	{
	print a as count;
	print "not reached";
	}

event bro_init()
	{
	cast_to_string("Foo", "Foo");
	cast_to_string("Foo", "Bar");
	cast_to_count(42);
	cast_to_count("42");
	print "after";
	}
