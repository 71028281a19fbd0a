# 200,000 fmt() calls, each result matched against a pattern.
event bro_init()
	{
	local n = 0;
	local i = 0;
	while ( i < 200000 )
		{
		local s = fmt("host-%d.example.com", i);
		if ( /-[0-9]*7\.example/ in s )
			n = n + 1;
		i = i + 1;
		}
	print n;
	}
