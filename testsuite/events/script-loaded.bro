# bro_script_loaded is raised once for every script loaded, in load
# order, after bro_init (both are queued once all scripts are read). The
# path is the name as it was found: a name starting with '.' is looked
# up in the directory of the file that loads it, taken as dirname(3)
# gives it; the level counts the @loads in between. A script loaded a
# second time (under another name) is skipped and not reported again.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

@load ./pkg
@load pkg/inner

event bro_script_loaded(path: string, level: count)
	{
	if ( /^\.\// in path )
		print "loaded", path, level;
	}

event bro_init()
	{
	print "bro_init";
	}

@TEST-START-FILE pkg/__load__.bro
@load ./inner
print "in pkg";
@TEST-END-FILE

@TEST-START-FILE pkg/inner.bro
print "in inner";
@TEST-END-FILE
