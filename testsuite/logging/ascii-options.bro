# The LogAscii:: options change the separators, the markers and the prefix
# of header lines; a row that starts with that prefix has its first byte
# escaped, and so does a separator inside a value.
# @TEST-EXEC: bro -b %INPUT
# @TEST-EXEC: cat ssh.log | sed -E 's/^(PREFIX<>(open|close)\|).*$/\1XXXX-XX-XX-XX-XX-XX/' >ssh-filtered.log
# @TEST-EXEC: btest-diff ssh-filtered.log

redef LogAscii::separator = "|";
redef LogAscii::set_separator = ";";
redef LogAscii::empty_field = "EMPTY";
redef LogAscii::unset_field = "NOT-SET";
redef LogAscii::meta_prefix = "PREFIX<>";

module SSH;

export {
	redef enum Log::ID += { LOG };

	type Log: record {
		t: time;
		id: conn_id;
		status: string &optional;
		country: string &default="unknown";
		b: bool &optional;
		ss: set[string] &optional;
	} &log;
}

event bro_init()
	{
	Log::create_stream(SSH::LOG, [$columns=Log]);

	local cid = [$orig_h=1.2.3.4, $orig_p=1234/tcp, $resp_h=2.3.4.5, $resp_p=80/tcp];

	Log::write(SSH::LOG, [$t=double_to_time(1.0), $id=cid, $status="success"]);
	Log::write(SSH::LOG, [$t=double_to_time(2.0), $id=cid, $status="", $country="a|b"]);
	Log::write(SSH::LOG, [$t=double_to_time(3.0), $id=cid, $status="PREFIX<>", $b=T, $ss=set("x;y")]);
	}
