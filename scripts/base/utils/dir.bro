##! Watching a directory for files that appear in it.

@load base/utils/exec
@load base/frameworks/reporter
@load base/utils/paths

module Dir;

export {
	## How often Dir::monitor looks into a directory, unless told.
	option polling_interval = 30sec;

	## Watches *dir*: *callback* gets the full path of each file found
	## there that was not there the previous look. A file that goes
	## away and comes back is reported again.
	global monitor: function(dir: string, callback: function(fname: string),
	                         poll_interval: interval &default=polling_interval);
}

event Dir::monitor_ev(dir: string, last_files: set[string],
                      callback: function(fname: string),
                      poll_interval: interval)
	{
	when ( local result = Exec::run([$cmd=fmt("ls -1 \"%s/\"", str_shell_escape(dir))]) )
		{
		if ( result$exit_code != 0 )
			{
			Reporter::warning(fmt("Requested monitoring of non-existent directory (%s).", dir));
			return;
			}

		local seen: set[string] = set();
		local names: vector of string = vector();

		if ( result?$stdout )
			names = result$stdout;

		for ( i in names )
			{
			if ( names[i] !in last_files )
				callback(build_path_compressed(dir, names[i]));
			add seen[names[i]];
			}

		schedule poll_interval
			{
			Dir::monitor_ev(dir, seen, callback, poll_interval)
			};
		}
	}

function monitor(dir: string, callback: function(fname: string),
                 poll_interval: interval &default=polling_interval)
	{
	event Dir::monitor_ev(dir, set(), callback, poll_interval);
	}
