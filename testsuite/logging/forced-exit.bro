# A second SIGTERM while a handler is busy ends the process at once; the
# log rows written before it still reach their file whole (the file ends
# with a complete row), and stderr says that the exit was forced.
# @TEST-EXEC-FAIL: bro -b %INPUT >out 2>err
# @TEST-EXEC: btest-diff err
# @TEST-EXEC: grep -vc '^#' test.log >rows
# @TEST-EXEC: tail -c 1 test.log | od -An -c | tr -d ' ' >>rows
# @TEST-EXEC: btest-diff rows

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
		s: string &log;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	local i = 0;
	while ( i < 5000 )
		{
		Log::write(Test::LOG, [$n=i, $s="a row of a few dozen bytes to fill buffers"]);
		++i;
		}
	local pid = getpid();
	system(fmt("kill -TERM %d; sleep 0.5; kill -TERM %d", pid, pid));
	# Busy until the second signal ends the process.
	while ( T )
		++i;
	}
