# Rotation of a compressed log: the ASCII writer renames the file to the
# rotated path plus ".log.gz", and the default postprocessor keeps the
# ".gz" when it moves the file to PATH.%Y-%m-%d-%H-%M-%S.log.gz and runs
# Log::default_rotation_postprocessor_cmd on it. The rotated file holds
# the complete log.
# @TEST-EXEC: bro -b %INPUT >output
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: ls test* | $SCRIPTS/diff-remove-timestamps >files
# @TEST-EXEC: btest-diff files
# @TEST-EXEC: cat pp.out | $SCRIPTS/diff-remove-timestamps >pp
# @TEST-EXEC: btest-diff pp
# @TEST-EXEC: gunzip -c test.*.log.gz | $SCRIPTS/diff-remove-timestamps >content
# @TEST-EXEC: btest-diff content

redef LogAscii::gzip_level = 1;
redef Log::default_rotation_interval = 1 hr;
redef Log::default_rotation_postprocessor_cmd = "echo >>pp.out";

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::write(Test::LOG, [$n=1]);
	Log::write(Test::LOG, [$n=2]);
	print "written";
	}
