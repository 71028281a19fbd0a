# A set column is written in the order of the set's dictionary, as Bro
# 2.6 writes it. The set is the second one of containers/order-types.bro,
# whose order tools/dictorder.py order-types gives.
# @TEST-EXEC: bro -b %INPUT
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff test.log

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		ss: set[string] &log;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::write(Test::LOG, [$ss=set("a", "bb", "ccc", "dddd", "eeeee", "ffffff")]);
	}
