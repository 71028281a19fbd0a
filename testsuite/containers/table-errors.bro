# Reading a missing table index or vector element is an error that
# abandons the statement; the handler carries on.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

global t: table[count] of string = { [1] = "one" };

event bro_init()
	{
	print "before";
	print t[5];
	print "after table";
	local v = vector(1, 2);
	v[4] = 5;
	print v[3];
	print v[10];
	print "after vector", v[4];
	}
