# A controller (policy/frameworks/control/controller) asks a controllee
# for a global's value, sends it a configuration update (every &redef
# constant, then the request), and shuts it down, as BroControl's print,
# update and stop did.
# @TEST-PORT: BROKER_PORT
# @TEST-EXEC: btest-bg-run controllee "bro -b ../controllee.bro Broker::default_port=$BROKER_PORT >out"
# @TEST-EXEC: $SCRIPTS/wait-for controllee/out "^ready" 20
# @TEST-EXEC: bro -b controller.bro Control::host=127.0.0.1 Control::host_port=$BROKER_PORT Control::cmd=id_value Control::arg=test_var >id_value.out
# @TEST-EXEC: bro -b controller.bro Control::host=127.0.0.1 Control::host_port=$BROKER_PORT Control::cmd=configuration_update tunable=7 >update.out 2>update.err
# @TEST-EXEC: bro -b controller.bro Control::host=127.0.0.1 Control::host_port=$BROKER_PORT Control::cmd=shutdown >shutdown.out
# @TEST-EXEC: btest-bg-wait 30
# @TEST-EXEC: btest-diff controllee/out
# @TEST-EXEC: btest-diff id_value.out
# @TEST-EXEC: btest-diff update.out
# @TEST-EXEC: btest-diff shutdown.out
# @TEST-EXEC: grep -E 'controller.bro, line [0-9]+: Control framework sent [0-9]+ IDs$' update.err >/dev/null

@TEST-START-FILE common.bro
global test_var = "hello" &redef;
const tunable = 5 &redef;
@TEST-END-FILE

@TEST-START-FILE controllee.bro
@load ./common
@load policy/frameworks/control/controllee

event bro_init() &priority=-20
	{
	print "ready";
	}

event Control::configuration_update()
	{
	print "configuration_update", tunable;
	}

event bro_done()
	{
	print "done";
	}
@TEST-END-FILE

@TEST-START-FILE controller.bro
@load ./common
@load policy/frameworks/control/controller

event Control::id_value_response(id: string, val: string)
	{
	print "id_value", id, val;
	}

event Control::configuration_update_response()
	{
	print "configuration_update_response";
	}

event Control::shutdown_response()
	{
	print "shutdown_response";
	}
@TEST-END-FILE
