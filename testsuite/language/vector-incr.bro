# ++ and -- on a vector of an integral type work on each element, with
# Bro 2.6's deprecation warning.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local v = vector(1, 2, 3);
	++v;
	print v;
	local w: vector of int = vector(-1, 5);
	--w;
	--w;
	print w;
	}
