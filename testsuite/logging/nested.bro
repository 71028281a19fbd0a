# Nested records are flattened with the filter's scope separator; a field
# without &log stays out at every level, and an unset record leaves all of
# its columns unset.
# @TEST-EXEC: bro -b %INPUT
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff test.log
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff flat.log

module Test;

export {
	redef enum Log::ID += { LOG };

	type Inner: record {
		x: count &log;
		y: string &log &optional;
	};

	type Middle: record {
		inner: Inner &log;
		z: bool &log;
		skipped: count &optional;
	};

	type Info: record {
		ts: time &log;
		id: conn_id &log;
		m: Middle &log;
		m2: Middle &log &optional;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="flat", $path="flat", $scope_sep="_"]);

	local cid = [$orig_h=1.2.3.4, $orig_p=1234/tcp, $resp_h=2.3.4.5, $resp_p=80/tcp];
	Log::write(Test::LOG, [$ts=double_to_time(1.0), $id=cid, $m=[$inner=[$x=1, $y="a"], $z=T, $skipped=5]]);
	Log::write(Test::LOG, [$ts=double_to_time(2.0), $id=cid, $m=[$inner=[$x=2], $z=F],
	                       $m2=[$inner=[$x=3, $y="b"], $z=T]]);
	}
