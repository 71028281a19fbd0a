# A call, once checked, carries the &default of each parameter left out
# and its arithmetic promotions: messages that describe it show them (an
# empty string shows as nothing).
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

option A = 5;

global option_changed: event(ID: string, new_value: count);

function pick(a: count, b: int &default = 0): count
	{
	return a;
	}

event bro_init()
	{
	Option::set("B", 6);
	Option::set_change_handler("A", option_changed);
	Option::set_change_handler("A", option_changed, 1);
	local t: table[count] of string;
	print t[pick(1)];
	print "end";
	}
