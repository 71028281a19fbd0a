# Attributes on an empty table() or set() constructor are accepted and
# take effect once the constructor has the type it is assigned to, also
# on a constructor standing as another's &default.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global g: table[string] of count = table() &default=7;

event bro_init()
	{
	local t: table[count] of string = table() &default="nope";
	print t[5];
	local n: table[count] of table[count] of string = table() &default=table() &default="deeper";
	print n[1][2];
	print g["x"];
	}
