# bloomfilter_internal_state is Bro 2.6's InternalState: the first eight
# bytes of the SHA-256 of the filter's bit vector (64-bit blocks), as a
# decimal number. Which bits are set follows Bro's hashing: the seed is
# the SHA-256 of the name, else of the initial random seed (from
# BRO_SEED_FILE here); basic filters hash with a DoubleHasher, counting
# ones with a DefaultHasher (SipHash for keys up to 36 bytes, MD5 beyond);
# counters lie in the vector one after another, least significant bit
# first. Baseline computed with an independent model of those sources.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local bf = bloomfilter_basic_init(0.1, 10, "foo");
	print bloomfilter_internal_state(bf);
	bloomfilter_add(bf, "a");
	bloomfilter_add(bf, "b");
	print bloomfilter_internal_state(bf);
	bloomfilter_add(bf, "a string well over thirty-six bytes long, hashed with MD5");
	print bloomfilter_internal_state(bf);

	local b2 = bloomfilter_basic_init2(3, 64);
	bloomfilter_add(b2, 1);
	bloomfilter_add(b2, 2);
	bloomfilter_add(b2, 3);
	print bloomfilter_internal_state(b2);

	local cb = bloomfilter_counting_init(3, 16, 3, "ctr");
	bloomfilter_add(cb, 10.0.0.1);
	bloomfilter_add(cb, 10.0.0.1);
	bloomfilter_add(cb, 10.0.0.2);
	print bloomfilter_internal_state(cb);
	bloomfilter_add(cb, 10.0.0.1);
	bloomfilter_add(cb, 10.0.0.1);
	bloomfilter_add(cb, 10.0.0.1);
	print bloomfilter_internal_state(cb);

	local cu = bloomfilter_counting_init(2, 10, 1);
	bloomfilter_add(cu, 1.5);
	print bloomfilter_internal_state(cu);
	}
