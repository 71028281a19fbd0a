# &default on a global that is not a table must have the global's type;
# Bro's message shows the attributes.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out

global s: string &default=7;
global t: string &redef &default="x";
global u: double &default=1;
