# A table of sets printed: each level in its own dictionary's order. The
# baseline is what tools/dictorder.py order-nested prints (see
# order-types.bro).
# @TEST-EXEC: bro -b %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

event bro_init()
	{
	local t: table[count] of set[string];
	t[7] = set("x", "y", "z");
	t[3] = set("p", "q");
	t[11] = set("only");
	print t;
	}
