# Option::set changes an option through its change handlers: higher
# priority first, each handler receiving what the previous one returned,
# the location only where the handler takes a third parameter; the last
# result is the value. Non-options, unknown names and values of another
# type are refused.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>errors
# @TEST-EXEC: btest-diff output

option testopt = 5;
option name = "n";
global plain = 1;

function low(ID: string, new_value: count): count
	{
	print "low", ID, new_value;
	return new_value + 1;
	}

function high(ID: string, new_value: count, location: string): count
	{
	print "high", ID, new_value, location;
	return new_value * 10;
	}

function wrong_result(ID: string, new_value: count): string
	{
	return "x";
	}

function on_name(ID: string, new_value: string): string
	{
	return new_value + "!";
	}

event bro_init()
	{
	print testopt;
	print Option::set("testopt", 6);
	print testopt;
	print Option::set_change_handler("testopt", low);
	print Option::set_change_handler("testopt", high, 10);
	print Option::set("testopt", 7, "here");
	print testopt;
	print Option::set("testopt", "str"), testopt;
	print Option::set("plain", 2), plain;
	print Option::set("nosuch", 2);
	print Option::set_change_handler("testopt", wrong_result);
	print Option::set_change_handler("name", low);
	print Option::set_change_handler("name", on_name);
	print Option::set("name", "x"), name;
	}
