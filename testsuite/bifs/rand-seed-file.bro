# With a seed file, rand draws from Bro's own generator and repeats from
# run to run; srand reseeds it.
# @TEST-EXEC: printf '1\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n' >seed
# @TEST-EXEC: cp %INPUT t.bro && BRO_SEED_FILE=seed bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event bro_init()
	{
	print rand(100), rand(100), rand(1000000000);
	srand(7);
	print rand(2147483648), rand(2147483648);
	}
