# A record field read into another place (an assignment, an argument, a
# return) evaluates the record expression once, as Bro's FieldExpr::Eval
# does: a function called for the record runs once.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record {
	n: count;
	m: count &default=7;
};

global calls = 0;

function f(): R
	{
	++calls;
	print fmt("f called %d", calls);
	return [$n=1];
	}

function show(c: count)
	{
	print "argument", c;
	}

function ret(): count
	{
	return f()$n;
	}

event bro_init()
	{
	local x: count;
	x = f()$n;
	print x;
	show(f()$m);
	print ret();
	}
