# Anonymous functions are values: stored in variables and tables and
# called; they see globals and their own parameters.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global offset = 100;
global ops: table[string] of function(x: count): count;

event bro_init()
	{
	local inc = function(x: count): count { return x + 1; };
	ops["add-offset"] = function(x: count): count { return x + offset; };
	print inc(1), ops["add-offset"](5);
	offset = 200;
	print ops["add-offset"](5);
	}
