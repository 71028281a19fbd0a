# A writer that cannot write reports one error and turns off, as Bro
# turns off a failed writer, however many rows follow; the error names
# the script line of the Log::write, not a line of the logging framework.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: grep -c "cannot open no-such-dir/test.log" err >summary
# @TEST-EXEC: grep -c "t.bro, line 26:" err >>summary
# @TEST-EXEC: btest-diff summary
# @TEST-EXEC: btest-diff out

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info, $path="no-such-dir/test"]);
	local i = 0;
	while ( i < 10 )
		{
		Log::write(Test::LOG, [$n=i]);
		++i;
		}
	print "done";
	}
