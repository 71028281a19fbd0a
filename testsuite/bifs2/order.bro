# order() gives the positions of the elements in sorted order and leaves
# the vector alone. With an unusable comparison function Bro hands back
# the vector itself.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>errors
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: btest-diff errors

global counts: vector of count;
global strs: vector of string;

function by_len(a: string, b: string): int
	{
	return |a| < |b| ? -1 : (|a| > |b| ? 1 : 0);
	}

event bro_init()
	{
	counts[0] = 50; counts[1] = 20; counts[2] = 80; counts[3] = 30;
	print order(counts);
	print counts;

	strs[0] = "three"; strs[1] = "a"; strs[2] = "bb";
	print order(strs, by_len);
	print strs;
	print order(counts, by_len);
	print order("not a vector");
	}
