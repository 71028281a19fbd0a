# An option is implicitly &redef; assignments to it, and to constants, are
# errors.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro -e 'event bro_init() { o = 4; ++o; o += 1; c = 3; }' >errors 2>&1
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: btest-diff errors

option o: count = 3;
redef o = 5;
const c = 1 &redef;
redef c = 2;

event bro_init()
	{
	print o, c;
	}
