# An option needs a value where it is declared, and so does a constant that
# is not &redef; the script does not run.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

option testbool: bool;
option testcount: count = 1;
const fixed: count;
const later: count &redef;
global plain: count;

event bro_init()
	{
	print "never printed";
	}
