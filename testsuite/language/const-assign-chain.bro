# In "foo = bar = baz" with foo and bar constant, both assignments are
# refused, the inner one first.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

const foo = 1;
const bar = 2;
global baz = 3;

event bro_init()
	{
	foo = bar = baz;
	}
