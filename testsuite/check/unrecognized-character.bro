# A character the scanner does not know is reported and skipped; the
# rest of the file still parses.
# @TEST-EXEC-FAIL: gobro check ./input.bro >out 2>&1
# @TEST-EXEC: btest-diff out

@TEST-START-FILE input.bro
global x = 1;
global y = 2 `;
global z = 3;
@TEST-END-FILE
