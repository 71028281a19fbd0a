# Extension fields: Log::default_ext_func adds columns, prefixed with
# Log::default_ext_prefix, before every log's own; a filter can use its
# own function and prefix.
# @TEST-EXEC: bro -b %INPUT
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff test.log
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff other.log

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
		msg: string &log;
	};
}

type Extension: record {
	write_ts: time &log;
	stream: string &log;
	system_name: string &log;
};

function add_extension(path: string) : Extension
	{
	return Extension($write_ts=double_to_time(100.0), $stream=path, $system_name="sensor");
	}

type Other: record {
	tag: string &log;
};

function other_extension(path: string) : Other
	{
	return Other($tag=path + "!");
	}

redef Log::default_ext_func = add_extension;

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="other", $path="other", $ext_func=other_extension, $ext_prefix="x_"]);
	Log::write(Test::LOG, [$n=1, $msg="one"]);
	Log::write(Test::LOG, [$n=2, $msg="two"]);
	}
