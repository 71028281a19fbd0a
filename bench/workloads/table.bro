# 300,000 table inserts, then as many lookups, with keys built by cat().
event bro_init()
	{
	local t: table[string] of count = table();
	local i = 0;
	while ( i < 300000 )
		{
		t[cat("key", i)] = i;
		i = i + 1;
		}
	local sum = 0;
	i = 0;
	while ( i < 300000 )
		{
		sum = sum + t[cat("key", i)];
		i = i + 1;
		}
	print |t|, sum;
	}
