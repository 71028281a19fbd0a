# A global declared without a type or a value ("no type given") still
# exists, with the error type and no value. A record constructor keeps
# its field of that type; evaluating it as a global's initializer finds
# no value for the field ("uninitialized list value", a plain error in
# Bro 2.6) and the record coercion around it reports a bad initializer.
# A global left without a value that way, or declared without one, makes
# the same errors in a later initializer. A named constructor cannot
# take the error-typed field at all. Errors while loading stop the run.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global asdfasdf;
const blah = [$ports=asdfasdf];
const x = blah;

global asdfasdf2: port;
const blah2 = [$ports=asdfasdf2];

type R: record { ports: port; };
global r = R($ports=asdfasdf);

event bro_init()
	{
	local y;
	local r3 = [$ports=y];
	print blah, blah2, r3;
	}
