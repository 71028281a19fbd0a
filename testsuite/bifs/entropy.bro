# find_entropy and the incremental entropy_test_* measure randomness as
# the ent program does.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local a = "dh3Hie02uh^s#Sdf9L3frd243h$d78r2G4cM6*Q05d(7rh46f!0|4-f";
	print find_entropy(a);
	local h = entropy_test_init();
	entropy_test_add(h, a[0:20]);
	entropy_test_add(h, a[20:]);
	print entropy_test_finish(h);
	}
