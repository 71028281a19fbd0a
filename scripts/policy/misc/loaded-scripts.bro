##! Logs every loaded script to loaded_scripts.log, in load order, each
##! indented by two spaces per level of @load nesting.

@load base/utils/paths

module LoadedScripts;

export {
	## The stream of loaded_scripts.log.
	redef enum Log::ID += { LOG };

	## One loaded script.
	type Info: record {
		## The script's path, compressed, after two spaces for each
		## level of @load that led to it.
		name: string &log;
	};
}

# The indentation for each nesting level.
const depth: table[count] of string = {
	[0] = "",
	[1] = "  ",
	[2] = "    ",
	[3] = "      ",
	[4] = "        ",
	[5] = "          ",
	[6] = "            ",
	[7] = "              ",
	[8] = "                ",
	[9] = "                  ",
	[10] = "                    ",
};

event bro_init() &priority=5
	{
	Log::create_stream(LoadedScripts::LOG, [$columns=Info, $path="loaded_scripts"]);
	}

event bro_script_loaded(path: string, level: count)
	{
	Log::write(LoadedScripts::LOG, [$name=cat(depth[level], compress_path(path))]);
	}
