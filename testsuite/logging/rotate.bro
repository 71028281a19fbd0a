# Rotation: with a rotation interval, a log still open when the process
# ends is rotated then (after bro_done), renamed to PATH-yy-mm-dd_HH.MM.SS.log
# with its opening time, and the filter's postprocessor receives the
# rotation's details.
# @TEST-EXEC: bro -b %INPUT >output
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: ls test*.log | $SCRIPTS/diff-remove-timestamps >files
# @TEST-EXEC: btest-diff files
# @TEST-EXEC: cat test-*.log | $SCRIPTS/diff-remove-timestamps >rotated
# @TEST-EXEC: btest-diff rotated

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
	};
}

redef Log::default_rotation_interval = 1 hr;

function my_postprocessor(info: Log::RotationInfo) : bool
	{
	print "postprocessor", info$writer, info$path, info$terminating;
	print info$fname == fmt("%s-%s.log", info$path, strftime("%y-%m-%d_%H.%M.%S", info$open));
	print info$open <= info$close, info$close == network_time();
	return T;
	}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::remove_default_filter(Test::LOG);
	Log::add_filter(Test::LOG, [$name="rot", $path="test", $postprocessor=my_postprocessor]);
	Log::write(Test::LOG, [$n=1]);
	Log::write(Test::LOG, [$n=2]);
	}

event bro_done()
	{
	print "bro_done";
	}
