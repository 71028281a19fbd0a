# Two filters on one stream, one with an include set and one with an
# exclude set (matched against the flattened names), and a filter
# removed again; Log::get_filter returns filters by name.
# @TEST-EXEC: bro -b %INPUT >output
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff test.log
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff only.log
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff without.log
# @TEST-EXEC: test ! -e gone.log

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		ts: time &log;
		id: conn_id &log;
		msg: string &log;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="only", $path="only", $include=set("id.resp_h", "msg")]);
	Log::add_filter(Test::LOG, [$name="without", $path="without", $exclude=set("id.orig_p", "id.resp_p", "ts")]);
	Log::add_filter(Test::LOG, [$name="gone", $path="gone"]);
	Log::remove_filter(Test::LOG, "gone");

	print Log::get_filter(Test::LOG, "only")$path, Log::get_filter(Test::LOG, "gone")$name;

	local cid = [$orig_h=1.2.3.4, $orig_p=1234/tcp, $resp_h=2.3.4.5, $resp_p=80/tcp];
	Log::write(Test::LOG, [$ts=double_to_time(10.5), $id=cid, $msg="hi"]);
	}
