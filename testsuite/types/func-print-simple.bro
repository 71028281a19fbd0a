# Printing a script function writes its name, a newline, then its body as
# Bro describes its statements: a "{ " line, one statement per line, "}".
# A returned value is parenthesized, string constants lose their quotes,
# and an empty body is a lone ";".
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

function add_one(x: count): count
	{
	return x + 1;
	}

function greet(name: string)
	{
	print fmt("hello, %s", name);
	}

function nothing()
	{
	}

print add_one;
print greet;
print nothing;
