# Hook bodies run at once, highest &priority first; "break" ends the
# chain and makes the hook call F. Arguments left out take the
# parameters' &default values.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global h: hook(s: string);
global empty: hook(n: count);
global with_default: hook(n: count, s: string &default="dflt");

hook with_default(n: count, s: string &default="dflt")
	{
	print "with_default", n, s;
	}

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
	print hook with_default(1);
	print hook with_default(2, "given");
	}
