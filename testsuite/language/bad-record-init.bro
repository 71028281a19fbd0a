# A record constructor whose coercion fails makes a bad record
# initializer for a global, reported after the field's type clash; the
# script is checked to the end without crashing, and does not run.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type MyRec: record { a: port; };
global g = MyRec($a=0);
global g2: MyRec = MyRec($a=1);
global g3: MyRec = [$a=3];

event bro_init()
	{
	print "not reached";
	}
