# A pattern built at run time that does not compile is reported as Bro's
# RE_Matcher reports it (the text of its match-anywhere form) and
# matches nothing; repeat counts above 1000 work as in Bro.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event bro_init()
	{
	local bad = string_to_pattern("(ab", F);
	print "(ab" == bad, bad in "x(abx";
	local a1200 = "";
	local i = 0;
	while ( i < 1200 )
		{
		a1200 += "a";
		++i;
		}
	local big = string_to_pattern("a{1200}", F);
	print a1200 == big, a1200 + "a" == big, big in "b" + a1200;
	print a1200 == /a{1100,1300}/, "a" == /a{1100,1300}/;
	}
