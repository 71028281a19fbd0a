# Arguments are checked against the parameters as Bro 2.6 does: a missing
# argument needs a &default ("parameter mismatch", against the record
# type of the parameters, located at the last parameter); surplus ones
# are an "indexing mismatch"; a wrong type gives the promotion message
# (a basic type's location is its name), then "type mismatch", and the
# check stops there. The call is named last, with the arguments as the
# check left them: promoted ones as coercions, defaults filled in. A call
# that fails is pure to Bro, so as a statement it also draws "expression
# value ignored".
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record { a: count; };

function f(s: string, n: count): count
	{
	return n;
	}

function g(x: double, s: string, d: double &default=2): double
	{
	return x;
	}

function h(r: R)
	{
	}

global e: event(n: count);
global hk: hook(s: string);

event bro_init()
	{
	f(1, 2);
	print f("a");
	print f("a", 1, 2);
	print f("a", -1);
	print g(1, 2);
	print g(1, "s", "t");
	h(5);
	print f("a", 1.5), "unreached";
	hook hk(3);
	print e(1.5);
	}
