# Log::get_filter_names gives the names of a stream's filters.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

module Test;

export {
	redef enum Log::ID += { LOG, OTHER };

	type Info: record {
		n: count &log;
	};
}

event bro_init()
	{
	Log::create_stream(LOG, [$columns=Info, $path="test"]);
	Log::add_filter(LOG, [$name="second", $path="test2"]);
	local names = Log::get_filter_names(LOG);
	print |names|, "default" in names, "second" in names;
	Log::remove_filter(LOG, "default");
	print |Log::get_filter_names(LOG)|, |Log::get_filter_names(OTHER)|;
	}
