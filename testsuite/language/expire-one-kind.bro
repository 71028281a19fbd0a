# A set or table takes only one of &read_expire, &write_expire and
# &create_expire; the message shows the attributes so far, in order.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global t: table[count] of string &create_expire=1sec &read_expire=1sec;
global s: set[count] &write_expire=2sec &create_expire=1sec;
