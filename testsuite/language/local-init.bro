# Locals declared without a value are set up when the body starts, as
# Bro 2.6's InitStmt does: records, tables, sets and vectors empty, once
# per call (a declaration inside a loop does not empty them again), and
# anything else unset, so that reading it first is a plain error that
# abandons the statement (in Bro 2.6 the expression yields nil).
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event bro_init() &priority=10
	{
	for ( i in set(1, 2, 3) )
		{
		local s: set[count];
		local v: vector of count;
		local n = 0;
		add s[i];
		v[|v|] = i;
		n += 1;
		print |s|, |v|, n;
		}
	}

event bro_init() &priority=5
	{
	local c: count;
	local t: string;
	if ( T )
		c = 3;
	print c;
	print t;
	print "after the unset read";
	}

event bro_init()
	{
	local x: count;
	x += 1;
	print "after the unset update";
	}

event bro_init() &priority=-5
	{
	print "last handler";
	}
