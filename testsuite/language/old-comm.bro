# The functions of the old communication system exist and are deprecated.
# A script that calls one of them stops at start with Bro's fatal error,
# unless old_comm_usage_is_ok is set; enable_communication and
# get_local_event_peer only warn.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: bro -b t.bro old_comm_usage_is_ok=T >ok 2>&1
# @TEST-EXEC: btest-diff ok
# @TEST-EXEC: echo 'event bro_init() { enable_communication(); print "local only"; }' >local.bro
# @TEST-EXEC: bro -b local.bro >local 2>&1
# @TEST-EXEC: btest-diff local

function stop_all()
	{
	terminate_communication();
	}

event bro_init()
	{
	print "ran";
	}
