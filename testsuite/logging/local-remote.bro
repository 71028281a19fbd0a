# A filter with $log_local=F opens no file of its own (its rows go only
# to peers, and there are none); $log_remote does not change what is
# written here; Log::enable_local_logging is the default of $log_local.
# @TEST-EXEC: bro -b %INPUT >output
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff kept.log
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff here.log
# @TEST-EXEC: test ! -e test.log
# @TEST-EXEC: test ! -e away.log

module Test;

redef Log::enable_local_logging = F;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		ts: time &log;
		msg: string &log;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="kept", $path="kept", $log_local=T]);
	Log::add_filter(Test::LOG, [$name="here", $path="here", $log_local=T, $log_remote=F]);
	Log::add_filter(Test::LOG, [$name="away", $path="away", $log_remote=T]);

	local f = Log::get_filter(Test::LOG, "default");
	print f$log_local, f$log_remote;
	f = Log::get_filter(Test::LOG, "here");
	print f$log_local, f$log_remote;

	Log::write(Test::LOG, [$ts=double_to_time(10.5), $msg="hi"]);
	Log::write(Test::LOG, [$ts=double_to_time(11.0), $msg="there"]);
	}
