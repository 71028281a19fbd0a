# LogNone::debug: the None writer prints what it starts with, once, when
# its first row arrives: the path, the rotation interval and base time
# (log_rotate_base_time in seconds after midnight), the filter's $config
# sorted by key, and every column (renamed by $field_name_map) with the
# name of its type's tag, sets being "table"; then an empty line.
# @TEST-EXEC: bro -b %INPUT >output
# @TEST-EXEC: btest-diff output

redef Log::default_writer = Log::WRITER_NONE;
redef LogNone::debug = T;
redef log_rotate_base_time = "00:05";

module SSH;

export {
	redef enum Log::ID += { LOG };

	type Log: record {
		t: time;
		id: conn_id;
		status: string &optional;
		country: string &default="unknown";
		ss: set[string] &optional;
		v: vector of count &optional;
	} &log;
}

event bro_init()
	{
	Log::create_stream(SSH::LOG, [$columns=Log]);
	Log::remove_default_filter(SSH::LOG);
	local config: table[string] of string;
	config["foo2"] = "bar2";
	config["foo"] = "bar";
	config["a b"] = "z";
	Log::add_filter(SSH::LOG, [$name="config-test", $path="ssh", $config=config,
	                           $interv=30 mins, $field_name_map=table(["status"] = "st")]);
	local cid = [$orig_h=1.2.3.4, $orig_p=1234/tcp, $resp_h=2.3.4.5, $resp_p=80/tcp];
	Log::write(SSH::LOG, [$t=network_time(), $id=cid, $status="success"]);
	Log::write(SSH::LOG, [$t=network_time(), $id=cid, $status="failure"]);
	}
