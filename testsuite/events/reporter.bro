# The Reporter functions write to stderr in Bro's forms and, once bro_init
# has been queued, also raise the reporter events.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event reporter_info(t: time, msg: string, location: string)
	{
	print "reporter_info", msg, location;
	}

event reporter_warning(t: time, msg: string, location: string)
	{
	print "reporter_warning", msg, location;
	}

event reporter_error(t: time, msg: string, location: string)
	{
	print "reporter_error", msg, location;
	}

event bro_init()
	{
	Reporter::info("an info");
	Reporter::warning("a warning");
	Reporter::error("an error");
	}

event bro_done()
	{
	Reporter::fatal("a fatal error");
	print "not reached";
	}
