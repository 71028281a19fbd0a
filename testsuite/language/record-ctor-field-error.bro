# A record constructor field whose value fails to check takes the error
# type; the constructor stands, with that field: as an untyped global's
# initializer it is evaluated, finds no value for the field ("uninitialized
# list value") and is a bad record initializer; coerced to a record type
# its error-typed field clashes with the field it meets. The script is
# checked to the end and does not run.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record { a: count; b: string; };

global g = [$a=1 + "x", $b="s"];
global g2: R = [$a=1 + "x", $b="s"];
global n = [$a=[$x=1 + "x"]];

event bro_init()
	{
	local r2 = R($a=1 + "x", $b="s");
	local r3 = [$a=1 + "x", $b="s"];
	print r3$b;
	print "not reached";
	}
