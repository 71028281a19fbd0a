# Start-up loads base/init-bare.bro (the logging framework among it), then
# base/init-default.bro (the default frameworks, such as the reporter's)
# unless -b is given, then the scripts named on the command line.
# @TEST-EXEC: bro -b %INPUT >bare 2>&1
# @TEST-EXEC: btest-diff bare
# @TEST-EXEC: bro %INPUT >default 2>&1
# @TEST-EXEC: btest-diff default

@ifdef ( Log::write )
global logging = "logging framework loaded";
@else
global logging = "no logging framework";
@endif

@ifdef ( Reporter::LOG )
global reporter = "reporter framework loaded";
@else
global reporter = "no reporter framework";
@endif

event bro_init()
	{
	print logging;
	print reporter;
	}
