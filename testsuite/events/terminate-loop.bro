# With exit_only_after_terminate, terminate() in bro_init ends the main
# loop after its first round; the reporter says so on stderr.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

event bro_init()
	{
	print "bro_init", terminate();
	}

event bro_done()
	{
	print "bro_done";
	}
