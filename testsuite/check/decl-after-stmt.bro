# Statements at the top level must come after all declarations.
# @TEST-EXEC-FAIL: gobro check ./input.bro >out 2>&1
# @TEST-EXEC: btest-diff out

@TEST-START-FILE input.bro
global x = 1;
print x;
global y = 2;
@TEST-END-FILE
