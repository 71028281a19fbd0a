# fmt's constant format strings are checked before anything runs.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff err

event bro_init()
	{
	print fmt("%s %s", 1);
	print fmt("%d", 1, 2);
	print fmt(5);
	print fmt("50%");
	print fmt("100%% %s", "sure");
	}
