# "redef t[k] = v;" adds or replaces one element, as
# "redef t += { [k] = v };" does; a later one overwrites an earlier.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

const my_table: table[subnet] of subnet &redef;
redef my_table[3.0.0.0/8] = 1.0.0.0/8;
redef my_table[3.0.0.0/8] = 2.0.0.0/8;

global t: table[string, count] of count = { ["a", 1] = 1 } &redef;
redef t["b", 2] = 2;
redef t["a", 1] = 3;

print my_table[3.0.0.0/8], |my_table|;
print t["a", 1], t["b", 2], |t|;
