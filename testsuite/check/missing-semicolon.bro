# A missing ';' is reported at the token after it, as Bro's parser does.
# @TEST-EXEC-FAIL: gobro check ./input.bro >out 2>&1
# @TEST-EXEC: btest-diff out

@TEST-START-FILE input.bro
global x = 1
global y = 2;
@TEST-END-FILE
