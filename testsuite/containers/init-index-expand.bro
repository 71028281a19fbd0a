# In a set or table initializer (redef += too), an index part that is a
# list or a set stands for each of its members: the element is inserted
# under every combination.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global my_subs = { 1.2.3.4/19, 5.6.7.8/21 };
global x: set[string, subnet] &redef;
redef x += { [["foo","bar"], my_subs] };
global y: set[string, count] = { [["a", "b"], 1], [["c"], set(2, 3)] };
global z: table[string, count] of string = { [["a", "b"], 5] = "v" };
event bro_init() {
print |x|, ["foo", 1.2.0.0/19] in x, ["bar", 5.6.0.0/21] in x;
print |y|, ["b", 1] in y, ["c", 3] in y;
print z["a", 5], z["b", 5], |z|;
}
