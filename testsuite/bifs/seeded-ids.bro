# With a seed file, unique_id and unique_id_from repeat from run to run
# (each pool's instance is its number: 2 for unique_id, 10 + N for
# unique_id_from(N)) and md5_hmac's key comes from the seeds. The
# baseline is what tools/dictorder.py seeded-ids prints, from util.cc's
# algorithm.
# @TEST-EXEC: bro -b %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

event bro_init()
	{
	print unique_id("C"), unique_id("C"), unique_id("");
	print unique_id_from(5, "F"), unique_id_from(5, "F");
	print md5_hmac("abc");
	print md5_hmac();
	}
