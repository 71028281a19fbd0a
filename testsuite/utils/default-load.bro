# Without -b, init-default.bro loads the utility scripts.
# @TEST-EXEC: bro %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	print id_string([$orig_h=1.2.3.4, $orig_p=1/tcp, $resp_h=5.6.7.8, $resp_p=2/udp]);
	print extract_count("x12"), to_json(T), Site::is_private_addr(10.0.0.1),
	      Queue::len(Queue::init()), type_name(INBOUND);
	print normalize_mac("AABBCCDDEEFF"), cut_tail("abc", 1), duration_to_mins_secs(61sec);
	}
