# A builtin's error about an argument names the value; when the value is
# (a copy of) a string literal, Bro's value carries the literal's location
# from parsing, and the message adds it after the call's when they
# differ. A string made at run time, even an equal one, has none; so
# has the result of a builtin that changed nothing in its argument (Bro's
# builtins make a new value).
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

function f(d: string): double
	{
	return to_double(d);
	}

event bro_init()
	{
	local d = "NotADouble";
	to_double(d);
	to_double("AlsoNot");
	f(d);
	local e = d;
	to_double(e);
	to_double(d + "");
	to_double(fmt("%s", "Made"));
	to_count(d);
	to_double(strip(d));
	to_double(subst_string(d, "x", "y"));
	}
