# policy/tuning/json-logs makes the ASCII logs JSON.
# @TEST-EXEC: bro -b %INPUT
# @TEST-EXEC: btest-diff test.log

@load policy/tuning/json-logs

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
	Log::create_stream(LOG, [$columns=Info, $path="test"]);
	Log::write(LOG, [$n=1, $s="a"]);
	}
