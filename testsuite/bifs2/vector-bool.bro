# any_set() and all_set() want a vector of bool; a hole is not true.
# resize() returns the old size; growing leaves holes.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>errors
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: btest-diff errors

global b: vector of bool;
global none: vector of bool;
global c: vector of count;

event bro_init()
	{
	b[0] = F; b[1] = T;
	print any_set(b), all_set(b);
	b[0] = T;
	print any_set(b), all_set(b);
	b[3] = T;
	print any_set(b), all_set(b);
	print any_set(none), all_set(none);
	print any_set(c), all_set(5);

	c[0] = 1; c[1] = 2; c[2] = 3;
	print resize(c, 5), c, |c|;
	print resize(c, 1), c;
	print resize(c, 0), c;
	print resize(T, 3);
	}
