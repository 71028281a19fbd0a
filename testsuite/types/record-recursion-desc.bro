# A record type met again within its own description, directly or
# through a function's parameters, shows as <recursion>.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record { a: count; nxt: R &optional; };
type S: record { b: count; f: function(s: S): count &optional; };
event bro_init()
	{
	local x: any = 5;
	print x as R;
	}
event bro_init()
	{
	local x: any = 5;
	print x as S;
	}
