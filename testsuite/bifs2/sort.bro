# sort() sorts in place and returns the vector. Without a comparison
# function it compares numbers; for types that are not int or count it
# reports an error and still compares them as integers (doubles
# truncated, ports by protocol then number), which leaves 3.03, 3.01 ...
# as they were. A comparison function must return int and take two
# elements.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>errors
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: btest-diff errors

global counts: vector of count;
global ints: vector of int;
global ivals: vector of interval;
global bools: vector of bool;
global ports: vector of port;
global doubles: vector of double;
global holes: vector of count;

function by_double(a: double, b: double): int
	{
	return a < b ? -1 : (a > b ? 1 : 0);
	}

function backwards(a: count, b: count): int
	{
	return a > b ? -1 : (a < b ? 1 : 0);
	}

function says_bool(a: count, b: count): bool
	{
	return a < b;
	}

event bro_init()
	{
	counts[0] = 5; counts[1] = 2; counts[2] = 8; counts[3] = 3;
	local sorted = sort(counts);
	print counts;
	print sorted;

	ints[0] = 4; ints[1] = -10; ints[2] = 0;
	print sort(ints);

	ivals[0] = 5hr; ivals[1] = 2days; ivals[2] = 1sec; ivals[3] = -7min;
	print sort(ivals);

	bools[0] = T; bools[1] = F; bools[2] = F; bools[3] = T;
	print sort(bools);

	ports[0] = 12/icmp; ports[1] = 123/tcp; ports[2] = 500/udp; ports[3] = 7/udp; ports[4] = 57/tcp;
	print sort(ports);

	doubles[0] = 3.03; doubles[1] = 3.01; doubles[2] = 3.02; doubles[3] = 3.015;
	print sort(doubles);
	print sort(doubles, by_double);
	print doubles;

	print sort(counts, backwards);
	print sort(counts, says_bool);
	print sort(counts, by_double);

	holes[0] = 9; holes[3] = 1; holes[5] = 4;
	print sort(holes);

	print sort(42);
	}
