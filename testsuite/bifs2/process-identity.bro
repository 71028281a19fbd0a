# bro_version() has Bro's form; gobro reports the release it reproduces.
# Without -r or -i, no traffic is read, and locally raised events are not
# remote.
# @TEST-EXEC: hostname >expected-host
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: cmp host expected-host

event bro_init()
	{
	print bro_version();
	print reading_live_traffic(), reading_traces();
	print is_remote_event();
	print getpid() > 0;
	piped_exec("cat >host", gethostname() + "\n");
	}
