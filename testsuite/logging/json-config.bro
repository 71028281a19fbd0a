# use_json as a per-filter $config option: only that filter's log is JSON.
# @TEST-EXEC: bro -b %INPUT
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff test.log
# @TEST-EXEC: btest-diff json.log

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
		s: string &log &optional;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="json", $path="json", $config=table(["use_json"] = "T")]);
	Log::write(Test::LOG, [$n=1, $s="x"]);
	Log::write(Test::LOG, [$n=2]);
	}
