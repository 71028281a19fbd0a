# duration_to_mins_secs.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/time

event bro_init()
	{
	print duration_to_mins_secs(214sec);
	print duration_to_mins_secs(59.9sec);
	print duration_to_mins_secs(2hr + 1sec);
	print duration_to_mins_secs(0sec);
	}
