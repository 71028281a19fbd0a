# "hook" applied to something other than a call is an error naming the
# operand; as a statement of its own the operand's value is ignored too.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	hook 2 + 2;
	}
