# A body left open is reported at the end of the file.
# @TEST-EXEC-FAIL: gobro check ./input.bro >out 2>&1
# @TEST-EXEC: btest-diff out

@TEST-START-FILE input.bro
event bro_init()
	{
	print "open";
@TEST-END-FILE
