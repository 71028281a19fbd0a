# LogAscii::gzip_level and $config["gzip_level"]: the ASCII writer writes
# PATH.log.gz, a gzip stream (as zlib's gzdopen(fd, "wb<level>") writes
# it: no name, no time, OS Unix, XFL 2 at level 9) whose content is what
# the uncompressed log holds; a filter's $config level overrides the
# global one, 0 turning compression off; a level outside 0-9 is refused.
# @TEST-EXEC: bro -b %INPUT >output 2>err
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: grep -c "invalid value for 'gzip_level', must be a number between 0 and 9\.$" err >bad-level
# @TEST-EXEC: btest-diff bad-level
# @TEST-EXEC: ls *.log *.gz >files
# @TEST-EXEC: btest-diff files
# @TEST-EXEC: gunzip -c test.log.gz | $SCRIPTS/diff-remove-timestamps >test.content
# @TEST-EXEC: btest-diff test.content
# @TEST-EXEC: gunzip -c best.log.gz | sed "s/^#path	best$/#path	plain/" | $SCRIPTS/diff-remove-timestamps >best.content
# @TEST-EXEC: $SCRIPTS/diff-remove-timestamps <plain.log >plain.content
# @TEST-EXEC: cmp best.content plain.content
# @TEST-EXEC: od -A n -t x1 -N 10 best.log.gz >best.header
# @TEST-EXEC: btest-diff best.header

redef LogAscii::gzip_level = 6;

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
		s: string &log;
		ss: set[string] &log &optional;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="best", $path="best",
	                            $config=table(["gzip_level"] = "9")]);
	Log::add_filter(Test::LOG, [$name="plain", $path="plain",
	                            $config=table(["gzip_level"] = "0")]);
	Log::add_filter(Test::LOG, [$name="bad", $path="bad",
	                            $config=table(["gzip_level"] = "10")]);
	Log::write(Test::LOG, [$n=1, $s="one", $ss=set("a")]);
	Log::write(Test::LOG, [$n=2, $s="#two"]);
	Log::write(Test::LOG, [$n=3, $s="three	tab"]);
	print "written";
	}
