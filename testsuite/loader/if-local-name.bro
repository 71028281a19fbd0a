# An @if inside a function body is decided while the body is parsed, with
# no frame: a local name in its condition (a parameter, a local declared
# before it, a loop variable) has no value. Bro reports each such name,
# then the condition as invalid, and reads what it guards as if it held.
# Globals, and names declared only later in the body, are not local.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global g = 1;
global later = T;

function f(x: count, s: set[count]): count
	{
	local y = 2;
@if ( g == 1 && later )
	print "global condition";
@endif
@if ( x == 1 && y == 2 )
	print "local condition";
@endif
	for ( k in s )
		{
@if ( k in set(1, 2) )
		print k;
@endif
		}
	local later = F;
	return x;
	}

event bro_init()
	{
	print f(1, set(1));
	}
