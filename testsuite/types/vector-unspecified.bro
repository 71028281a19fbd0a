# A variable initialized with an empty vector() is a vector of any,
# whose elements may be of every type.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local a = vector();
	a[0] = 5;
	a[1] = "Hi";
	a[2] = 127.0.0.1;
	print a;
	print |a|;
	}
