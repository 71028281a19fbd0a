# Hook bodies run at once, highest &priority first; "break" ends the
# chain and makes the hook call F.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global h: hook(s: string);
global empty: hook(n: count);

hook h(s: string) { print "third", s; }

hook h(s: string) &priority=5
	{
	print "second", s;
	if ( s == "stop" )
		break;
	}

hook h(s: string) &priority=10 { print "first", s; }

event bro_init()
	{
	print hook h("go");
	print hook h("stop");
	if ( hook h("again") )
		print "no body broke";
	print hook empty(1);
	hook h("statement");
	}
