# Tables are checked for expired entries only every table_expire_interval
# (10 seconds unless redefined): an entry older than its &create_expire is
# still there until the next check.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

function expired(s: set[string], idx: string): interval
	{
	print "expired", idx;
	return 0sec;
	}

global s: set[string] &create_expire=1sec &expire_func=expired;

event stop()
	{
	print "stop", s;
	terminate();
	}

event bro_init()
	{
	add s["x"];
	schedule 2sec { stop() };
	}
