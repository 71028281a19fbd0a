# init-bare's log_file_name, open_log_file (suffix from BRO_LOG_SUFFIX)
# and add_interface.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: BRO_LOG_SUFFIX=txt bro -b %INPUT >>output 2>&1
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: btest-diff foo.log

event bro_init()
	{
	print log_file_name("conn"), add_interface("", "eth0"), add_interface("eth0", "eth1");
	local f = open_log_file("foo");
	print f, "written";
	close(f);
	}
