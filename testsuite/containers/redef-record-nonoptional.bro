# A record extension with a field that is neither &optional nor has a
# &default is refused, naming the type where it was declared (here on
# the same line).
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type Foo: record { a: count; }; redef record Foo += { b: count; c: string; };
