# same_object is T for a string assigned from another, and for
# containers shared by assignment; equal strings made apart, such as two
# literals, are different objects. Empty ones too: each literal "" is a
# Val of its own, and an operation that yields an empty string makes a
# new one.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local a = "abc";
	local b = a;
	print same_object(a, b), same_object("x", "x"), same_object(a, "abc");
	local e = "";
	local e2 = e;
	local e3 = "";
	print same_object(e, e2), same_object(e, e3), same_object("", ""), same_object(e, e + ""), same_object(copy(e), e), same_object(strip(e), e);
	local t = table([1] = 2);
	local t2 = t;
	print same_object(t, t2), same_object(t, table([1] = 2));
	}
