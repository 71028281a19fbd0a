# Digests, incremental digests, FNV and HRW weights, identifiers, and
# random numbers seeded by srand.
# Without a seed file (BRO_SEED_FILE empty), rand is the C library's.
# @TEST-EXEC: cp %INPUT t.bro && BRO_SEED_FILE= bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event bro_init()
	{
	print md5_hash(""), md5_hash("abc"), md5_hash("a", "bc");
	print sha1_hash("abc"), sha256_hash("abc");
	local h = md5_hash_init();
	print md5_hash_update(h, "a"), md5_hash_update(h, "bc");
	print md5_hash_finish(h), md5_hash_update(h, "x"), md5_hash_finish(h);
	local s1 = sha1_hash_init();
	sha1_hash_update(s1, "abc");
	print sha1_hash_finish(s1);
	local s2 = sha256_hash_init();
	sha256_hash_update(s2, "ab");
	sha256_hash_update(s2, "c");
	print sha256_hash_finish(s2);
	print |md5_hmac("abc")|, md5_hmac("abc") == md5_hmac("a", "bc"), md5_hmac("abc") != md5_hash("abc");
	print fnv1a32("a"), fnv1a32(""), hrw_weight(3826002220, 1), hrw_weight(0, 0);
	local u1 = unique_id("C");
	local u2 = unique_id("C");
	print u1 != u2, sub_bytes(u1, 1, 1), |u1| <= 12, |unique_id("")| <= 11;
	print unique_id("0123456789012345678901"), sub_bytes(unique_id_from(5, "F"), 1, 1);
	srand(1);
	print rand(100), rand(100), rand(1000000), rand(0);
	srand(42);
	print rand(2147483648);
	}
