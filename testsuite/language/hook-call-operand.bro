# The operand of "hook" is any call whose function yields a hook: a
# local, a table element, the result of a call, in statements and in
# expressions.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global h: hook(n: count);

hook h(n: count)
	{
	print "h", n;
	}

hook h(n: count) &priority=-1
	{
	if ( n == 9 )
		break;
	print "h low", n;
	}

global t: table[count] of hook(n: count) = { [0] = h };

function f(): hook(n: count)
	{
	return h;
	}

function g(): function(): hook(n: count)
	{
	return f;
	}

event bro_init()
	{
	local hl = h;
	hook hl(3);
	hook t[0](4);
	hook f()(5);
	hook g()()(6);
	print hook hl(7);
	if ( hook t[0](8) )
		print "yes";
	print ! hook f()(9);
	}
