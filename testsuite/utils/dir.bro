# base/utils/dir: Dir::monitor reports each file found in a directory.
# @TEST-EXEC: mkdir -p watched && touch watched/a watched/b
# @TEST-EXEC: bro -b %INPUT >output 2>/dev/null
# @TEST-EXEC: btest-diff output

@load base/utils/dir

redef exit_only_after_terminate = T;

global n = 0;

function found(fname: string)
	{
	print "found", fname;
	if ( ++n == 2 )
		terminate();
	}

event bro_init()
	{
	Dir::monitor("watched", found, 1sec);
	}
