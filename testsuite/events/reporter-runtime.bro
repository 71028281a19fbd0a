# Run-time errors go through the reporter as Bro 2.6's do: besides the
# message on stderr, each raises reporter_error (so the reporter framework
# logs it to reporter.log), except an error inside the handler of a
# reporter event, which is only printed.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff reporter.log

@load base/frameworks/reporter

global tab: table[count] of string;

event reporter_error(t: time, msg: string, location: string)
	{
	print "reporter_error", msg, location;
	local zero = 0;
	print 1 / zero;
	print "not reached";
	}

event bro_init()
	{
	local zero = 0;
	print "before";
	print 10 / zero;
	print "not reached";
	}

event bro_init() &priority=-1
	{
	print tab[5];
	print "after the missing index";
	print to_addr("bogus");
	}
