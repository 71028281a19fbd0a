# "v += x" appends an element of any type to a vector of any; other
# mismatches are errors in Bro 2.6's words.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global vs: vector of string;
global vc: vector of count;
global vr: vector of addr;

event bro_init()
	{
	local a: vector of any = vector();
	a += 1;
	a += "x";
	vs += 1;
	vc += "a";
	vr += 1.2.3.0/24;
	}
