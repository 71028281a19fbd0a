# A table or set may be changed while a "for" loop walks it, as Bro
# allows: deleting the element being visited (or others) and adding new
# ones. Which added elements the loop still visits is not defined (Bro's
# hash order decides), so this only checks what the loops leave.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local t = table([1] = "a", [2] = "b", [3] = "c", [4] = "d");
	for ( k in t )
		if ( k % 2 == 0 )
			delete t[k];
	print |t|, 1 in t, 2 in t, 3 in t, 4 in t;
	for ( k in t )
		if ( k < 10 )
			t[k + 10] = "x";
	print |t|, 11 in t, 13 in t, t[11];
	local s = set(1, 2, 3);
	for ( e in s )
		if ( e < 100 )
			{
			delete s[e];
			add s[e + 100];
			}
	print |s|, 1 in s, 101 in s, 103 in s;
	}
