# Unset optional columns, empty strings and containers, and the escaping of
# strings that would otherwise be ambiguous: the markers themselves,
# separators, unprintable bytes, backslashes, a row that would look like a
# header line.
# @TEST-EXEC: bro -b %INPUT
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff test.log

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		s: string &log &optional;
		e: string &log;
		dash: string &log;
		emp: string &log;
		tab: string &log;
		bin: string &log;
		ss: set[string] &log &optional;
		es: set[count] &log;
		ev: vector of string &log;
		vs: vector of string &log;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::write(Test::LOG, [$e="", $dash="-", $emp="(empty)", $tab="a\tb", $bin="\x01\xff\\",
	                       $es=set(), $ev=vector(), $vs=vector("a,b", "", "-")]);
	Log::write(Test::LOG, [$s="#x", $e="e", $dash="--", $emp="empty", $tab="a b", $bin="\"q\"",
	                       $ss=set("s"), $es=set(1), $ev=vector("x"), $vs=vector("y")]);
	}
