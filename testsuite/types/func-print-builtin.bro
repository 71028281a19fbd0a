# A built-in function's value is described by its name alone.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type Op: record {
	f: function(s: string): string;
};

global ops: vector of function(s: string): string = vector(to_lower, to_upper);

print fmt;
print to_lower, to_upper;
print cat(strip), fmt("%s", strip);
print [$f=to_lower], Op($f=to_upper);
print ops;
