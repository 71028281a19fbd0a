# ++ on a vector whose elements are not integral is an error.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local v = vector(1.5, 2.5);
	++v;
	}
