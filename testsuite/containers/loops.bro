# Iteration over sets, tables (one and several indices) and vectors
# (holes skipped), and deletion during iteration. Sums stand in for the
# elements, since Bro visits them in hash order.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global t: table[count] of count = { [1] = 10, [2] = 20, [3] = 30 };
global pairs: table[count, count] of count = { [1, 2] = 3, [4, 5] = 9 };

event bro_init()
	{
	local keys = 0;
	local vals = 0;
	for ( k in t )
		{
		keys += k;
		vals += t[k];
		}
	print keys, vals;
	local sum = 0;
	for ( [a, b] in pairs )
		sum += a * b + pairs[a, b];
	print sum;
	local single = 0;
	for ( [k] in t )
		single += k;
	print single;
	for ( k in t )
		delete t[k];
	print |t|;
	local v: vector of count = vector(5, 6);
	v[4] = 8;
	for ( i in v )
		print i, v[i];
	local s: set[string] = { "x" };
	for ( e in s )
		print e;
	}
