# The token in the message is quoted as written, string quotes included.
# @TEST-EXEC-FAIL: gobro check ./input.bro >out 2>&1
# @TEST-EXEC: btest-diff out

@TEST-START-FILE input.bro
event bro_init()
	{
	print "a" "b";
	}
@TEST-END-FILE
