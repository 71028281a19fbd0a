# Set operators need two sets of the same type; tables have none of them;
# += and -= take fewer operand types than + and -. Every error in the file
# is reported and nothing runs.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global s1: set[count];
global s2: set[string];
global tb: table[count] of string;
global ti: time;
global v: vector of count;
global vs: vector of string;

event bro_init()
	{
	print s1 | s2;
	print s1 & s2;
	print s1 - s2;
	print s1 == s2;
	print s1 < s2;
	print s1 >= s2;
	print tb | tb;
	print tb - tb;
	print tb == tb;
	print tb < tb;
	ti += 1 sec;
	s1 += s1;
	s1 -= s1;
	v -= 1;
	v += "a";
	vs += 1;
	print "not reached";
	}
