# same_object is T for a string assigned from another, and for
# containers shared by assignment; equal strings made apart, such as two
# literals, are different objects.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local a = "abc";
	local b = a;
	print same_object(a, b), same_object("x", "x"), same_object(a, "abc");
	local t = table([1] = 2);
	local t2 = t;
	print same_object(t, t2), same_object(t, table([1] = 2));
	}
