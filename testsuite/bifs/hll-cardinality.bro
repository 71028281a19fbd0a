# HyperLogLog cardinality counters: estimates, copies, merges, and the
# error for an element of another type.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local h = hll_cardinality_init(0.01, 0.95);
	hll_cardinality_add(h, "a");
	hll_cardinality_add(h, "b");
	hll_cardinality_add(h, "a");
	hll_cardinality_add(h, "c");
	print hll_cardinality_estimate(h);
	local h2 = hll_cardinality_copy(h);
	hll_cardinality_add(h2, "d");
	print hll_cardinality_estimate(h), hll_cardinality_estimate(h2);
	local h3 = hll_cardinality_init(0.01, 0.95);
	hll_cardinality_add(h3, "x");
	print hll_cardinality_merge_into(h3, h2);
	print hll_cardinality_estimate(h3);
	print hll_cardinality_add(h, 5);
	}
