# Bro 2.6 has no key-value loops over tables: the comma is a syntax error.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global t: table[count] of string = { [1] = "one" };

event bro_init()
	{
	for ( k, v in t )
		print k, v;
	}
