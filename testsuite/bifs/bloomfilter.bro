# Bloom filters: basic and counting, lookups, merges, and the errors for
# elements of another type or a lookup on an empty filter.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local bf = bloomfilter_basic_init(0.001, 100, "x");
	bloomfilter_add(bf, "a");
	bloomfilter_add(bf, "b");
	print bloomfilter_lookup(bf, "a"), bloomfilter_lookup(bf, "b"), bloomfilter_lookup(bf, "zzz");
	bloomfilter_add(bf, 3);
	local bf2 = bloomfilter_basic_init(0.001, 100, "x");
	bloomfilter_add(bf2, "c");
	local m = bloomfilter_merge(bf, bf2);
	print bloomfilter_lookup(m, "a"), bloomfilter_lookup(m, "c"), bloomfilter_lookup(bf, "c");
	local cbf = bloomfilter_counting_init(3, 64, 3);
	bloomfilter_add(cbf, 10.0.0.1);
	bloomfilter_add(cbf, 10.0.0.1);
	bloomfilter_add(cbf, 10.0.0.2);
	print bloomfilter_lookup(cbf, 10.0.0.1), bloomfilter_lookup(cbf, 10.0.0.2), bloomfilter_lookup(cbf, 10.0.0.3);
	bloomfilter_add(cbf, 10.0.0.1);
	bloomfilter_add(cbf, 10.0.0.1);
	print bloomfilter_lookup(cbf, 10.0.0.1);
	bloomfilter_clear(cbf);
	print bloomfilter_lookup(cbf, 10.0.0.1);
	local b3 = bloomfilter_basic_init2(3, 10);
	print bloomfilter_lookup(b3, "a");
	}
