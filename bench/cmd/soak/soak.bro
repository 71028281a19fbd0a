# The soak node: what a long-running cluster node keeps doing, at a
# steady rate. Every 50 ms a tick
#   - inserts 500 keys into a table that expires them 2 s after creation
#     (10,000 inserts a second, about 20,000 live entries);
#   - builds a pattern from changing text with string_to_pattern and
#     matches it;
#   - splits and substitutes over a 64 KB string;
#   - writes a log row to a stream rotated every 10 s, whose rotated
#     files are removed;
#   - schedules the next tick (a timer).
# With Soak::use_expire = F the table has no expiry and each tick
# deletes the keys it inserted 40 ticks (2 s) before, keeping the same
# number of live entries: the difference isolates what expiry costs.

@load base/frameworks/logging

module Soak;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		ts: time &log;
		n: count &log;
		live: count &log;
		matched: bool &log;
		pieces: count &log;
	};
}

const use_expire = T &redef;

redef exit_only_after_terminate = T;
redef table_expire_interval = 1 sec;

global seen: table[string] of count &create_expire = 2 sec;
global kept: table[string] of count;
global n = 0;
global big = "";

function remove_rotated(info: Log::RotationInfo): bool
	{
	return unlink(info$fname);
	}

event tick()
	{
	local i = 0;
	while ( i < 500 )
		{
		if ( use_expire )
			seen[cat("k", n, "-", i)] = n;
		else
			{
			kept[cat("k", n, "-", i)] = n;
			if ( n >= 40 )
				delete kept[cat("k", n - 40, "-", i)];
			}
		++i;
		}
	local p = string_to_pattern(fmt("x%dy|z[0-9]+q", n), F);
	local matched = p in fmt("abc z%dq x", n);
	local parts = split_string(big, /,/);
	local replaced = gsub(big, /y/, "z");
	Log::write(Soak::LOG, [$ts=network_time(), $n=n, $live=use_expire ? |seen| : |kept|, $matched=matched, $pieces=|parts| + |replaced| - |replaced|]);
	++n;
	schedule 50 msec { tick() };
	}

event bro_init()
	{
	local chunk = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,";
	local i = 0;
	while ( i < 1024 )
		{
		big += chunk;
		++i;
		}
	Log::create_stream(Soak::LOG, [$columns=Info, $path="soak"]);
	local f = Log::get_filter(Soak::LOG, "default");
	f$interv = 10 sec;
	f$postprocessor = remove_rotated;
	Log::add_filter(Soak::LOG, f);
	event tick();
	}
