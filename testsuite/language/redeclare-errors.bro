# Declaring a name again: a &redef global (or a declaration that only adds
# attributes) is declared again after a warning; any other is "already
# defined", located where the name was first declared and at the new
# initializer. "redef" needs &redef (or an option) and a declared name,
# and may not change the type. A type must name a type.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global a: count = 1;
global b = 2 &redef;
const c = 3;
global d: count;
option o = 4;

redef a = 10;
redef c = 30;
redef o = 40;
redef nosuch = 1;
global b = 5;
global a = 6;
const c = 7;
global d: count;
redef b: string = "x";
global e: Nosuch;
global f: a;
