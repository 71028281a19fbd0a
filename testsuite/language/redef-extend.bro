# redef += and -= on tables, sets, vectors and patterns, and table()
# or set() attributes that make a global redefinable.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global p = /foo/ &redef;
redef p += /bar/;

global v: vector of string = vector("a") &redef;
redef v += { "b", "c" };

global s: set[count] = {1, 2, 3} &redef;
redef s -= { 2 };
redef s += { 7 };

global t: table[count] of string = {[1] = "x"} &redef;
redef t += { [2] = "y" };
redef t -= { [1] = "z" };

global u = set(5) &redef;
redef u += { 6 };

print p;
print p == "foo", p == "bar", p == "baz", p in "xbarx", p in "xfoo";
print v;
print |s|, 1 in s, 2 in s, 7 in s;
print t;
print |u|;
