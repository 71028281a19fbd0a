# same_object is T for two names of one value: after an assignment, for a
# parameter and its argument, for a table element and the value stored in
# it; records, vectors, sets, patterns, strings, addresses and subnets
# alike (Bro's Vals are shared by reference). Two constructors or two
# literals, even equal, make two values; so do two conversions.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record { a: count; };

function same_as_arg(x: any, y: any): bool
	{
	return same_object(x, y);
	}

event bro_init()
	{
	local r = R($a=1);
	local r2 = r;
	print same_object(r, r2), same_object(r, R($a=1)), same_as_arg(r, r2);
	local v = vector(1, 2);
	local v2 = v;
	print same_object(v, v2), same_object(v, vector(1, 2));
	local s = set(1, 2);
	local s2 = s;
	print same_object(s, s2), same_object(set(1), set(1));
	local p = /ab+c/;
	local p2 = p;
	print same_object(p, p2), same_object(/x/, /x/);
	local str = "hello";
	local str2 = str;
	print same_object(str, str2), same_object("hello", "hello"), same_as_arg(str, str2);
	print same_object(str, strip(str)), same_object(str, subst_string(str, "x", "y")), same_object(str, str + "");
	local a = 10.0.0.1;
	local a2 = a;
	print same_object(a, a2), same_object(10.0.0.1, 10.0.0.1), same_object(to_addr("10.0.0.1"), to_addr("10.0.0.1")), same_as_arg(a, a2);
	local n = 10.0.0.0/8;
	local n2 = n;
	print same_object(n, n2), same_object(10.0.0.0/8, 10.0.0.0/8), same_object(n, a);
	local t: table[count] of R = { [1] = r };
	print same_object(t[1], r);
	r2$a = 5;
	print r$a;
	}
