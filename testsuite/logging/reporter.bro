# The reporter framework logs the reporter's messages to reporter.log
# through the logging framework (ts is 0 before any packet is seen).
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff err
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff reporter.log

@load base/frameworks/reporter

event bro_init()
	{
	Reporter::info("an info");
	Reporter::warning("a warning");
	Reporter::error("an error");
	}
