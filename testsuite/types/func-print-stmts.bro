# A function with locals, loops and branches, as print and fmt("%s")
# describe it: uninitialized locals (and the loop variable) gathered into
# an "<init>" statement, "local x = e" written as an assignment, operands
# reordered as Bro canonicalizes them (x > y is y < x, k == "s" is
# s == k), implicit conversions written as coercions, and branch bodies
# indented with tabs where the description is built in memory (fmt).
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

function summarize(t: table[string] of count, limit: count): int
	{
	local total: int;
	local rounds = 0;
	total = 0;
	for ( k in t )
		{
		if ( t[k] > limit )
			next;
		else if ( k == "skip" )
			break;
		total += t[k];
		}
	while ( rounds < 2 )
		++rounds;
	if ( total >= 10 )
		print "big", total;
	else
		print "small";
	return total;
	}

print summarize;
print fmt("%s", summarize);
