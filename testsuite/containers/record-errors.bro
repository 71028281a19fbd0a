# Record coercion and field errors are reported at check time, each in
# Bro's words, and the script does not run.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type myrec: record {
	a: string;
	b: count;
	c: interval &optional;
};

function take(r: myrec)
	{
	print r;
	}

event bro_init()
	{
	local r1: myrec = [$a="test", $b=42, $wtf=1sec];
	take([$a="test", $b=42, $wtf=1sec]);
	local r2: myrec = [$a="x"];
	local r3 = myrec($a="x", $b="y");
	local r4: myrec = [$a="x", $b=1];
	print r4$d;
	print r4?$e;
	delete r4$a;
	print "not reached";
	}
