# A stream with a column of every loggable type, and a field without &log
# that stays out of the log.
# @TEST-EXEC: bro -b %INPUT
# @TEST-EXEC: TEST_DIFF_CANONIFIER=$SCRIPTS/diff-remove-timestamps btest-diff test.log

module Test;

export {
	redef enum Log::ID += { LOG };

	type Color: enum { RED, GREEN };

	type Info: record {
		b: bool &log;
		i: int &log;
		c: count &log;
		d: double &log;
		d2: double &log;
		t: time &log;
		iv: interval &log;
		s: string &log;
		p: port &log;
		a: addr &log;
		a6: addr &log;
		sn: subnet &log;
		e: Color &log;
		ss: set[string] &log;
		vc: vector of count &log;
		hidden: string;
	};
}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::write(Test::LOG, [$b=T, $i=-42, $c=18446744073709551615, $d=3.14, $d2=2.0,
	                       $t=double_to_time(1300475167.096535), $iv=2 min,
	                       $s="hello world", $p=8080/tcp, $a=1.2.3.4, $a6=[2001:db8::1],
	                       $sn=10.0.0.0/8, $e=GREEN, $ss=set("one"), $vc=vector(1, 2, 3),
	                       $hidden="not logged"]);
	Log::write(Test::LOG, [$b=F, $i=0, $c=0, $d=-0.5, $d2=1000000.0,
	                       $t=double_to_time(0.0), $iv=-1.5 secs,
	                       $s="x", $p=53/udp, $a=127.0.0.1, $a6=[::1],
	                       $sn=[2001:db8::]/32, $e=RED, $ss=set("two"), $vc=vector(7),
	                       $hidden="not logged"]);
	}
