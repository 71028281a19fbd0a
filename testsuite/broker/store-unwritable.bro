# A persistent master whose directory cannot be used (a path under a
# regular file, a regular file, a directory that is not a store, a
# directory another store holds) is an error naming the path; the store
# is not open: it takes no writes, its queries fail, and the process
# goes on. (Bro 2.6 reports "Could not create Broker master store" too,
# after Broker's own message, and returns no handle at all.)
# @TEST-EXEC: touch plainfile && mkdir notastore && echo garbage >notastore/MANIFEST
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err.raw
# @TEST-EXEC: sed -E 's#^error in .*/store\.bro, line [0-9]+:#error in store.bro:#' err.raw >err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

global tried = 0;

function try(name: string, path: string)
	{
	local h = Broker::create_master(name, Broker::SQLITE, [$sqlite=[$path=path]]);
	print name, Broker::is_closed(h), Broker::put(h, "k", 1);
	when ( local r = Broker::get(h, "k") )
		{
		print name, r;
		if ( ++tried == 5 )
			terminate();
		}
	timeout 5sec
		{
		print "timeout";
		}
	}

event bro_init()
	{
	try("under-a-file", "plainfile/db");
	try("a-file", "plainfile");
	try("not-a-store", "notastore");
	try("first", "shared");
	try("second", "shared");
	}
