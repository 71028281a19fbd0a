# A return whose value fails still returns, with no value (Bro 2.6's
# ReturnStmt with a nil result); the caller's statement that wanted the
# value does nothing, and the caller goes on.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: grep -q 'error in ./t.bro, line 12: no such index (t\[k\])' err

global t: table[count] of string = { [1] = "one" };

function lookup(k: count): string
	{
	return t[k];
	print "lookup: not reached";
	}

function wrap(k: count): string
	{
	local s = lookup(k);
	print "wrap: after the failed assignment";
	return lookup(k);
	print "wrap: not reached";
	}

event bro_init()
	{
	print wrap(1);
	print wrap(2);
	print "done";
	}
