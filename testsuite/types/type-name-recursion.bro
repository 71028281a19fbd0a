# type_name writes a record met again inside its own description, through
# a function's parameters too, as <recursion>.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record { a: count; n: R &optional; };
type S: record { b: count; f: function(s: S): count &optional; };

event bro_init()
	{
	print type_name(R($a=1));
	print type_name(S($b=1));
	}
