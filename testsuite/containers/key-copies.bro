# A table keeps its index as a hash and makes the index's values anew
# when it hands them back (Bro 2.6's TableVal keeps a HashKey;
# RecoverVals rebuilds the values for a loop): a record used as an
# index and changed afterwards, or a loop variable changed in the loop,
# leaves the key as it was.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record {
	n: count;
	s: string &optional;
};

event bro_init()
	{
	local r = R($n=1);
	local s: set[R] = { r };
	local t: table[R] of count;
	t[r] = 5;
	r$n = 2;
	r$s = "changed";
	for ( k in s )
		print k;
	for ( k2 in t )
		print k2, t[k2];
	print R($n=1) in s, r in s, R($n=1) in t, r in t;

	for ( k3 in s )
		k3$n = 7;
	for ( k4 in s )
		print k4, same_object(k4, r);
	}
