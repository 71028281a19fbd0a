# A path function sends rows to different files; its path argument is the
# filter's $path, and the default path function derives a stream's path
# from its ID.
# @TEST-EXEC: bro -b %INPUT >output
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff test-web.log
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff test-other.log
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff packet_filter.log

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		p: port &log;
		msg: string &log;
	};
}

module PacketFilter;

export {
	redef enum Log::ID += { LOG };
}

module Test;

function split_by_port(id: Log::ID, path: string, rec: Info) : string
	{
	print "path_func", id, path;
	return fmt("%s-%s", path, rec$p == 80/tcp ? "web" : "other");
	}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::remove_default_filter(Test::LOG);
	Log::add_filter(Test::LOG, [$name="split", $path="test", $path_func=split_by_port]);
	Log::write(Test::LOG, [$p=80/tcp, $msg="one"]);
	Log::write(Test::LOG, [$p=22/tcp, $msg="two"]);
	Log::write(Test::LOG, [$p=80/tcp, $msg="three"]);

	Log::create_stream(PacketFilter::LOG, [$columns=Info]);
	Log::write(PacketFilter::LOG, [$p=1/udp, $msg="default path"]);
	print Log::default_path_func(PacketFilter::LOG, "", 0), Log::default_path_func(Test::LOG, "given", 0);
	}
