# At start-up bro_init is queued first, then the top-level statements run
# (an event they raise is queued behind bro_init), then bro_script_loaded
# is queued for every script.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global from_top: event();

event from_top()
	{
	print "from_top";
	}

event bro_init()
	{
	print "bro_init";
	}

event bro_script_loaded(path: string, level: count)
	{
	if ( path == "./t.bro" )
		print "bro_script_loaded", path;
	}

print "top level";
event from_top();
