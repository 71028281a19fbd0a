# A table's &default must fit its yield type, or be a function of its
# index types yielding that type. The message shows the attribute list.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

function wrong(c: count): count
	{
	return c;
	}

global t1: table[count] of string &default=5;
global t2: table[count] of count &redef &default=1.5;
global t3: table[count] of string &default=wrong;
global ok1: table[count] of double &default=1;
global ok2: table[count] of count &default=wrong;
type R: record { t: table[count] of string &log &default=5; u: table[count] of string &default=table(); };
