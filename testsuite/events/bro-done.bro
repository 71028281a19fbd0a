# bro_done runs once, last, with bro_is_terminating() true; events it
# raises still run; schedule does nothing once the process is shutting
# down.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global after_done: event();
global scheduled: event();

event after_done()
	{
	print "raised by bro_done";
	}

event scheduled()
	{
	print "never printed";
	}

event bro_init()
	{
	print "bro_init", bro_is_terminating();
	}

event bro_done() &priority=5
	{
	print "bro_done 5", bro_is_terminating();
	event after_done();
	schedule 1 sec { scheduled() };
	}

event bro_done()
	{
	print "bro_done 0";
	}
