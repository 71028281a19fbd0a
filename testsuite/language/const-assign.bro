# Constants (global or local) and options cannot be assigned to, by "=",
# "+=" or "++" alike. "k += 1" on a constant stays a pure expression to
# Bro, so its statement also draws "expression value ignored".
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

const k = 3;
option o = 4;

event bro_init()
	{
	const lc = 1;
	k = 1;
	k += 1;
	++k;
	GLOBAL::k = 2;
	o += 1;
	lc = 2;
	print k, o, lc;
	}
