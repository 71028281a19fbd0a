# A table indexed by one subnet finds the most specific subnet that holds
# an address or a subnet, for indexing and for "in".
# @TEST-EXEC: bro -b %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

global t: table[subnet] of string = {
	[10.0.0.0/8] = "ten",
	[10.1.0.0/16] = "ten-one",
};

event bro_init()
	{
	print t[10.1.2.3], t[10.9.9.9], t[10.1.0.0/24];
	print 10.2.0.0/16 in t, 11.0.0.1 in t, [10.1.2.3] in t;
	}
