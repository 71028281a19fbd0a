# Record constructors, coercion to the declared type, &default and
# &optional fields, nested records, $ and ?$, delete of a field, shared
# references and copy().
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type Inner: record {
	x: count;
	tag: string &default="none";
};

type Rec: record {
	a: count;
	b: string &default="dflt";
	c: interval &optional;
	inner: Inner &optional;
};

global g: Rec = [$a=1];

function make(n: count): Rec
	{
	return [$a=n, $c=2sec];
	}

function show(r: Rec)
	{
	print r$a, r$b, r?$c;
	}

event bro_init()
	{
	print g;
	print g$b, g?$b, g?$c, g?$inner;
	local r = Rec($a=5, $b="five");
	print r;
	local m = make(7);
	print m;
	show([$a=8]);
	local n: Rec = [$a=9, $inner=[$x=3]];
	print n$inner$x, n$inner$tag;
	n$inner$tag = "set";
	print n;
	local anon = [$p=1, $q="two"];
	print anon, anon$q;
	local alias = r;
	alias$a = 50;
	print r$a;
	local dup = copy(n);
	dup$inner$x = 30;
	print n$inner$x, dup$inner$x;
	delete n$inner;
	print n?$inner, n;
	delete r$b;
	print r?$b, r$b;
	local viarec = record($a=11);
	local typed: Rec = viarec;
	print typed;
	}
