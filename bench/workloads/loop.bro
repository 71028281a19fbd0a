# A 3-million-iteration while loop of count arithmetic.
event bro_init()
	{
	local i = 0;
	local sum = 0;
	while ( i < 3000000 )
		{
		sum = sum + i % 7 * 3;
		i = i + 1;
		}
	print sum;
	}
