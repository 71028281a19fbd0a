# "redef x &attr;" adds attributes to a global, &redef or not: they join
# the global's own (one of the same kind replaces it) and act on its
# value. &redef makes the global redefinable; on a table, &default and
# the expiration attributes work as if the table had been declared with
# them. The interval comes from &create_expire, else &write_expire, else
# &read_expire; entries made by an initializer have no time and stay.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;
redef table_expire_interval = 1sec;

global counts: table[string] of count;
redef counts &default=0;

global names: table[count] of string &default="none" &redef;
redef names &default="unknown";

global c = 1;
redef c &redef;
redef c = 2;

global seen: set[string];
redef seen &create_expire=1sec;

global kept: set[count] = { 1, 2 };
redef kept &create_expire=1sec;

function gone(t: table[count] of string, idx: count): interval
	{
	print "gone", idx, t[idx];
	return 0sec;
	}

global r: table[count] of string &read_expire=1hr;
redef r &create_expire=1sec;
redef r &expire_func=gone;

event tick(n: count)
	{
	print "tick", n, |seen|, |kept|, |r|;
	if ( n == 2 )
		terminate();
	}

event bro_init()
	{
	counts["a"] = counts["a"] + 5;
	print counts["a"], counts["b"], names[1], c;
	add seen["x"];
	r[1] = "one";
	schedule 0.5sec { tick(1) };
	schedule 1.5sec { tick(2) };
	}
