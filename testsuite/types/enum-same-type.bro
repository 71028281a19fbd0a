# Bro 2.6 treats any two enum types as the same type: values of
# different enums compare by their ordinals, and one is assigned to a
# variable of the other.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type color: enum { Red, Blue };
type city: enum { Rome, Paris, Oslo };

event bro_init()
	{
	local e1 = Blue;
	local e4 = Paris;
	local e5 = Oslo;
	print e1 != e4, e1 == e4, Red == Rome, e1 != e5;
	local c: color = Rome;
	print c == Red;
	}
