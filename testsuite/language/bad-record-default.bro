# A record constructor whose coercion fails as a &default, of a record
# field or a table, reports the field's type clash and leaves nothing
# broken behind for the declarations that use it while the script is
# checked.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type M: record { a: port; };
type R: record { m: M &default=[$a=3]; x: count &default=1; };
global r: R;
global t: table[count] of M &default=[$a=4];
global u = t[1];
