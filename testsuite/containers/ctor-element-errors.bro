# Constructor elements of the wrong type, in Bro's sequence of messages:
# the promotion check first, then the constructor's own error; for a
# typed global with an anonymous constructor, the initialization's.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type S: set[port];
type V: vector of port;
type TT: table[port] of count;

global zero = 0;
global three = 3;

global s1 = S(0);
global v1 = V(zero);
global t1 = TT([zero] = 0);
global s2: set[port] = set(3);
global v2: vector of port = vector(three);
global t2: table[port] of count = table(["three"] = 3);
global t3: TT = table(["x"] = 1);
global t4: TT = table([1/tcp] = "y");
global t5: table[port] of count &redef;
redef t5 = table(["y"] = 1);
