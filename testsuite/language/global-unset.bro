# A global of a type other than record, table, set or vector declared
# without a value holds none until it is assigned or redefined: reading
# it first is a plain error that abandons the statement.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

global g: count;
global h: string &redef;
redef h = "set by redef";

event bro_init() &priority=5
	{
	print h;
	print g;
	print "after the unset read";
	}

event bro_init()
	{
	g = 7;
	print g;
	}
