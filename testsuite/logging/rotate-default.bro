# Rotation with the ASCII writer's default postprocessor: the rotated file
# is moved to PATH.%Y-%m-%d-%H-%M-%S.log (Log::default_rotation_date_format
# of its opening time) and Log::default_rotation_postprocessor_cmd runs on
# it.
# @TEST-EXEC: bro -b %INPUT >output
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: ls *.log | $SCRIPTS/diff-remove-timestamps >files
# @TEST-EXEC: btest-diff files
# @TEST-EXEC: cat pp.out | $SCRIPTS/diff-remove-timestamps >pp
# @TEST-EXEC: btest-diff pp

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
	};
}

redef Log::default_rotation_interval = 1 hr;
redef Log::default_rotation_postprocessor_cmd = "echo >>pp.out";

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::write(Test::LOG, [$n=1]);
	print "written";
	}
