# Records made before "redef record R += { q: ... &default=... }" keep
# q unset: ?$q is F, print shows it uninitialized, copies too, while
# reading r$q yields the default.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record {
	a: count;
};

global r1 = R($a=1);

redef record R += {
	q: string &default="OPTQ";
};

global r2 = R($a=2);

event bro_init()
	{
	print r1?$q, r1, r1$q;
	local c = copy(r1);
	print c?$q, c, c$q;
	print r2?$q, r2;
	}
