# "type" gives a type another name; the alias is the same type. Records
# are the same type when their fields have the same names and types, in
# order, whatever the records are called (Bro 2.6's same_type): such a
# record is assigned and passed as it is (shared), and a record of
# another shape is coerced to the wanted type (a copy).
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type mycount: count;
type names: set[string];
type lookup: table[count] of string;
type A: record { a: count; };
type B: record { a: count; };
type C: record { a: count; b: string &optional; };
type AliasA: A;

global n: mycount = 5;

function take_b(b: B): count
	{
	return b$a;
	}

event bro_init()
	{
	local c: count = n;
	local m: mycount = c + 1;
	print n, m, type_name(m);
	local s: names = set("x", "y");
	print |s|, "x" in s, type_name(s);
	local t: lookup = table([1] = "one");
	print t[1], type_name(t);
	local x: A = [$a=1];
	local y: B = x;
	local z: AliasA = x;
	local w: C = x;
	print y, z, w, take_b(x);
	y$a = 2;
	w$a = 3;
	print x$a, z$a, w$a;
	}
