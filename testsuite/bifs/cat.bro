# cat and cat_sep: raw renderings back to back, with separators and a
# stand-in for empty strings.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

type color: enum { Red, Blue };

event bro_init()
	{
	print cat("foo", 3, T);
	print cat();
	print cat(1.5, 2.0, -3, 80/tcp, 1.2.3.4, 10.0.0.0/8, Blue, 3hr);
	print cat("a\x00b", "\n");
	print |cat("a\x00b")|;
	print cat_sep(", ", "<empty>", "a", "", 1, T);
	print cat_sep("-", "x");
	print cat_sep("-", "x", "");
	print cat_sep("", "", "a", "b");
	}
