# Below the top of a type, any matches every type (Bro 2.6's same_type):
# a vector of string is a vector of any, a table yielding count fills a
# table yielding any, and a change handler may take its value as an any.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

module Foo;

export {
	option o: count = 1;
}

function h(id: string, new_value: any): any
	{
	print "h", id, new_value;
	return new_value;
	}

event bro_init()
	{
	local v: vector of string = vector("a", "b");
	print v is vector of any;
	print v as vector of any;
	local t: table[string] of any = table(["a"] = 1);
	print t;
	print t["a"] as count, t["a"] is count;
	Option::set_change_handler("Foo::o", h);
	Option::set("Foo::o", 5);
	print o;
	}
