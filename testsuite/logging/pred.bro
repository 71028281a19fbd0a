# A filter's predicate decides which rows it writes; the stream's event
# sees every row; a disabled stream writes nothing.
# @TEST-EXEC: bro -b %INPUT >output
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff big.log

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
	};

	global log_test: event(rec: Info);
}

function big(rec: Info) : bool
	{
	return rec$n > 1;
	}

event log_test(rec: Info)
	{
	print "event", rec;
	}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info, $ev=log_test]);
	Log::remove_default_filter(Test::LOG);
	Log::add_filter(Test::LOG, [$name="big", $path="big", $pred=big]);
	Log::write(Test::LOG, [$n=1]);
	Log::write(Test::LOG, [$n=2]);
	Log::disable_stream(Test::LOG);
	Log::write(Test::LOG, [$n=3]);
	Log::enable_stream(Test::LOG);
	Log::write(Test::LOG, [$n=4]);
	}
