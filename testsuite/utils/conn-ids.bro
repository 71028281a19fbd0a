# Connection ids as text.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/conn-ids

event bro_init()
	{
	local id: conn_id = [$orig_h=10.0.0.1, $orig_p=1234/tcp, $resp_h=[2001:db8::2], $resp_p=80/tcp];
	print id_string(id);
	print reverse_id_string(id);
	print directed_id_string(id, T);
	print directed_id_string(id, F);
	print id_string([$orig_h=1.2.3.4, $orig_p=53/udp, $resp_h=5.6.7.8, $resp_p=0/icmp]);
	}
