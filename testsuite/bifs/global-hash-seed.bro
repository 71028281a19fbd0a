# global_hash_seed is, in Bro 2.6, a redefinable string constant of
# init-bare.bro (not a function): when set, a Bloom filter without a name
# is seeded from it (Hasher::MakeSeed), hashing as a filter named with it
# does; a filter with another name hashes differently. Baseline computed
# with an independent model of Bro's hashing.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

redef global_hash_seed = "my global seed";

event bro_init()
	{
	print type_name(global_hash_seed), global_hash_seed;
	local a = bloomfilter_basic_init2(3, 40);
	local b = bloomfilter_basic_init2(3, 40, "my global seed");
	local c = bloomfilter_basic_init2(3, 40, "other");
	bloomfilter_add(a, "x");
	bloomfilter_add(b, "x");
	bloomfilter_add(c, "x");
	print bloomfilter_internal_state(a);
	print bloomfilter_internal_state(b);
	print bloomfilter_internal_state(c);
	}
