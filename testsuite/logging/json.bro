# JSON output: LogAscii::use_json for every log, and the three timestamp
# formats (the last two set per filter in $config). Unset columns are
# left out; there are no header lines.
# @TEST-EXEC: bro -b %INPUT
# @TEST-EXEC: btest-diff test.log
# @TEST-EXEC: btest-diff millis.log
# @TEST-EXEC: btest-diff iso.log

module Test;

redef LogAscii::use_json = T;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		ts: time &log;
		id: conn_id &log;
		b: bool &log;
		d: double &log;
		iv: interval &log;
		s: string &log;
		opt: string &log &optional;
		ss: set[string] &log;
		vc: vector of count &log;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="millis", $path="millis", $include=set("ts"),
	                            $config=table(["json_timestamps"] = "JSON::TS_MILLIS")]);
	Log::add_filter(Test::LOG, [$name="iso", $path="iso", $include=set("ts"),
	                            $config=table(["json_timestamps"] = "JSON::TS_ISO8601")]);

	local cid = [$orig_h=1.2.3.4, $orig_p=1234/tcp, $resp_h=[2001:db8::2], $resp_p=80/tcp];
	Log::write(Test::LOG, [$ts=double_to_time(1300475167.096535), $id=cid, $b=T, $d=2.0,
	                       $iv=1.5 secs, $s="a\"b\\c'd&e/f\x01", $ss=set("x"), $vc=vector(1, 2)]);
	Log::write(Test::LOG, [$ts=double_to_time(1300475168.5), $id=cid, $b=F, $d=0.25,
	                       $iv=0 secs, $s="", $opt="set", $ss=set(), $vc=vector()]);
	}
