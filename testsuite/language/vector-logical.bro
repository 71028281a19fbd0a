# && and || on two vectors of bool work element by element.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local b1 = vector(T, F, T, F);
	local b2 = vector(T, T, F, F);
	print b1 && b2;
	print b1 || b2;
	}
