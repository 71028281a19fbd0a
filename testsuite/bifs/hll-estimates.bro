# HyperLogLog estimates of many elements, which depend on the hash Bro
# adds for each: CardinalityVal hashes the element's HashKey (the bytes a
# table keyed by its type hashes: a count's 8 bytes, a string's bytes)
# with HashKey::HashBytes, SipHash-2-4 under the key util.cc takes from
# BRO_SEED_FILE (bytes 64-80 of the 20 words after the seed). The
# baseline was computed apart from gobro, by a transcription of
# CardinalityCounter.cc and SipHash-2-4 under that key.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local h = hll_cardinality_init(0.01, 0.95);
	local i = 0;
	while ( i < 20000 )
		{
		hll_cardinality_add(h, i);
		++i;
		}
	print fmt("%.6f", hll_cardinality_estimate(h));
	local s = hll_cardinality_init(0.1, 0.99);
	for ( w in set("alpha", "beta", "gamma", "delta") )
		hll_cardinality_add(s, w);
	i = 0;
	while ( i < 300 )
		{
		hll_cardinality_add(s, cat("w", i));
		++i;
		}
	print fmt("%.6f", hll_cardinality_estimate(s));
	}
