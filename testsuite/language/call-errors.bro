# Only functions can be called: a hook is called with the hook operator
# and an event is raised with the event statement (its arguments are
# checked first); anything else is not a function.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global h: hook(n: count);
global e: event(n: count);
global x = 5;

hook h(n: count)
	{
	print "hook body", n;
	}

event bro_init()
	{
	print h(1);
	print e(2);
	print x(3);
	print hook h(4);
	}
