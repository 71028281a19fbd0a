# Appending to a vector of any works at run time.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local a: vector of any = vector();
	a += 1;
	a += "x";
	a += 10.0.0.1;
	print a;
	}
