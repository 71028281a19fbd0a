# Table expiry as in Bro 2.6, checked every table_expire_interval: an
# entry's time counts in whole seconds from its creation (&create_expire,
# which assignments keep), its last write (&write_expire) or its last
# read or write (&read_expire); &expire_func sees the table and the index
# (several indices come as one "any") and may extend the entry's life by
# the interval it returns. Entries from a global's initializer are made
# before the network time is set and never expire. Expiry happens only
# while the main loop runs, not at shutdown.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;
redef table_expire_interval = 1sec;

global f1_calls = 0;

function f1(t: table[string] of count, idx: string): interval
	{
	++f1_calls;
	print "t1 expire_func", idx, t[idx], f1_calls;
	if ( f1_calls == 1 )
		return 2sec;
	return 0sec;
	}

function f2(s: set[string, count], idx: any): interval
	{
	print "t2 expire_func", idx, |s|;
	return 0sec;
	}

global t1: table[string] of count &create_expire=1sec &expire_func=f1;
global t2: set[string, count] &write_expire=2sec &expire_func=f2;
global t3: table[count] of string &read_expire=1sec;
global t4: set[count] = { 1, 2 } &create_expire=1sec;

event tick(n: count)
	{
	print "tick", n, |t1|, |t2|, |t3|, |t4|;
	if ( n == 2 )
		t1["a"] = 5;
	if ( n == 4 )
		terminate();
	}

event bro_init()
	{
	t1["a"] = 1;
	add t2["b", 1];
	t3[1] = "one";
	schedule 0.5sec { tick(1) };
	schedule 1.5sec { tick(2) };
	schedule 2.5sec { tick(3) };
	schedule 3.5sec { tick(4) };
	}

event bro_done()
	{
	print "bro_done", |t1|, |t2|, |t3|, |t4|;
	}
