# A table walked while its dictionary grows into a bigger one, walked
# while the loop deletes from it (Bro's loop then skips the element after
# one deleted from the same bucket), added to while walked, and grown
# through several resizes. The baseline is what tools/dictorder.py
# order-growth prints (see order-types.bro).
# @TEST-EXEC: bro -b %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

global t: table[count] of count;

function keys(): string
	{
	local s = "";
	for ( k in t )
		s = s == "" ? cat(k) : cat(s, " ", k);
	return s;
	}

event bro_init()
	{
	local i = 0;
	while ( i < 60 )
		{
		t[i] = i * i;
		++i;
		}
	print keys();
	local s = "";
	for ( k in t )
		{
		s = s == "" ? cat(k) : cat(s, " ", k);
		if ( k % 2 == 0 )
			delete t[k];
		}
	print s;
	print |t|;
	print keys();

	local u: set[count] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	s = "";
	for ( k in u )
		{
		s = s == "" ? cat(k) : cat(s, " ", k);
		if ( k < 100 )
			add u[k + 100];
		}
	print s;
	print |u|;

	while ( i < 1000 )
		{
		t[i] = i;
		if ( i % 7 == 0 )
			delete t[i / 2];
		++i;
		}
	print |t|;
	print keys();
	}
