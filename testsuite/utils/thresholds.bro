# check_threshold and default_check_threshold.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/thresholds

event bro_init()
	{
	local t = new_track_count();
	local v = vector(2, 5);
	local crossed = "";

	for ( i in vector(1, 2, 3, 4, 5) )
		{
		++t$n;
		crossed = cat(crossed, check_threshold(v, t) ? "T" : "F");
		}

	print crossed, t;

	local d: TrackCount;
	d$n = 29;
	print default_check_threshold(d), d$index;
	d$n = 30;
	print default_check_threshold(d), default_check_threshold(d), d$index;
	d$n = 150;
	print default_check_threshold(d), d$index;
	}
