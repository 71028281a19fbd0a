# Arguments that do not fit the parameters of a builtin, a script
# function, a hook or an event are errors when the script is checked,
# with Bro 2.6's messages: the promotion check's (a basic type's place is
# its name), "type mismatch" on the argument, and then the call itself,
# described with any &default values Bro has added to its arguments.
# Only the first bad argument of a call is reported. Nothing runs.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

global e: event(n: count, s: string);
global h: hook(a: addr);

function f(a: int, b: string &default="x"): int
	{
	return a;
	}

event e(n: count, s: string)
	{
	print "e", n, s;
	}

hook h(a: addr)
	{
	print "h", a;
	}

event bro_init()
	{
	print "not reached";
	print to_int(5);
	print to_addr(1.2.3.4);
	print sub_bytes("abc", -1, 2);
	print floor("3.5");
	print strstr("a", "b", "c");
	print mask_addr("1.2.3.4", 8);
	print bytestring_to_count(5);
	print f(1.5);
	print f(1, 2);
	print f("1");
	print hook h("10.0.0.1");
	event e("a", 1);
	schedule 1 sec { e(-1, "x") };
	event e(1, "a", 3);
	event not_declared(1);
	event f(1);
	}
