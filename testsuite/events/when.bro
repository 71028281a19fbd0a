# "when" runs its body at once if the condition holds already; otherwise
# the condition is evaluated again once the event queue has drained. The
# body sees the locals as they were when the "when" ran.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global x = 0;
global bump: event();

event bump()
	{
	x = x + 1;
	print "bump", x;
	if ( x < 3 )
		event bump();
	}

event bro_init()
	{
	local msg = "captured";
	when ( x == 3 )
		{
		print "x reached 3", msg;
		}
	when ( T )
		{
		print "already true", msg;
		}
	msg = "changed";
	print "bro_init ends", msg;
	event bump();
	}

event bro_done()
	{
	print "bro_done";
	}
