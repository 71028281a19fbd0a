# An export block that is never closed.
# @TEST-EXEC-FAIL: gobro check ./input.bro >out 2>&1
# @TEST-EXEC: btest-diff out

@TEST-START-FILE input.bro
module M;

export {
	global x: count;
@TEST-END-FILE
