# Switch errors describe the case, or the whole statement, on one line,
# at the lines the case spans.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

function f(v: any): string
	{
	switch ( v ) {
	case type count:
		return "Count!";
	case type bool, type count:
		return "Bool or address!";
	}
	return "none";
	}

function g(v: count): string
	{
	switch ( v ) {
	case 1:
		print 1;
	case 2:
		return "two";
	}
	return "x";
	}

function h(v: count): string
	{
	switch ( v ) {
	case type string:
		return "s";
	case type addr:
		return "a";
	}
	return "x";
	}

function k(v: count): string
	{
	switch ( v ) { case 42: return "42!"; case type count: return "Count!"; }
	return "x";
	}
