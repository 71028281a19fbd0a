# file_mode renders permission bits as ls does; is_local_interface knows
# the loopback; current_analyzer is 0 without packet input.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	print file_mode(420), file_mode(493), file_mode(2541), file_mode(3072), file_mode(511);
	print is_local_interface(127.0.0.1), is_local_interface([::1]), is_local_interface(192.0.2.77);
	print current_analyzer();
	}
