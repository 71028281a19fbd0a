# Set union, intersection, difference and the subset comparisons (Bro 2.6).
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global s1: set[count] = {1, 2, 3};
global s2: set[count] = {2, 3, 4};

event bro_init()
	{
	local u = s1 | s2;
	print |u|, 1 in u, 4 in u;
	local i = s1 & s2;
	print |i|, 1 in i, 2 in i, 3 in i;
	local d = s1 - s2;
	print d;
	print s2 - s1;
	# The operands stay as they were.
	print |s1|, |s2|;
	add u[10];
	print 10 in s1;
	print s1 == s2, s1 != s2, s1 == copy(s1), s1 != copy(s1);
	print s1 < s1 | s2, s1 <= s1 | s2, s1 < s1, s1 <= s1;
	print s1 | s2 > s1, s1 | s2 >= s1, s1 > s1, s1 >= s1;
	print s1 & s2 <= s1, s1 & s2 <= s2, s1 <= s2;
	local e: set[count];
	print e < s1, e <= e, |(e & s1)|, |(e | s1)|;
	local p1: set[string, count] = {["a", 1], ["b", 2]};
	local p2: set[string, count] = {["b", 2]};
	print p1 - p2, p2 < p1;
	}
