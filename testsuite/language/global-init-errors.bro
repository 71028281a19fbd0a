# A global's initial value that does not fit its declared type: the type
# comes first in the location and in the parentheses, then the value.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global a: count = "zero";
global b: string = 5;
global c: addr = "x";
global d: count = 1.5;
global e: int = 2.5;
global f: double = 3;
print "not reached";
