# Functions held in records, tables and vectors, and anonymous functions
# (named "anonymous-function"), described by print and by cat: in cat a
# function inside a table is indented with the table's entries.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type Handler: record {
	name: string;
	f: function(x: count): count;
};

global doubler = function(x: count): count { return x * 2; };
global table_of: table[count] of function(x: count): count = {
	[1] = function(x: count): count { return x - 1; },
};

print doubler;
print [$name="d", $f=doubler];
print table_of;
print cat(table_of);
print vector(doubler);
print function(s: string): bool { return /a/ in s; };
