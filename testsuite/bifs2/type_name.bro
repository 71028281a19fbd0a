# type_name() writes records with their fields even when named, and
# function types with their result, void included.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type color: enum { Red, Blue };

type myrecord: record {
	c: count;
	s: string;
};

function lt(aa: int, bb: int): bool
	{
	return aa < bb;
	}

function gives_any(): any
	{
	}

function nothing()
	{
	}

event bro_init()
	{
	local o: vector of count;
	local p: vector of table[count] of string;
	local q: set[count];
	local r: set[port, string];
	local s: table[count] of string;
	local t: table[string] of table[addr, port] of string;
	local u: myrecord;
	local v: vector of myrecord;
	print type_name("foo");
	print type_name(3);
	print type_name(-3);
	print type_name(3.14);
	print type_name(T);
	print type_name(5hr);
	print type_name(/^foo|bar/);
	print type_name(Blue);
	print type_name(123/tcp);
	print type_name(192.168.0.2);
	print type_name([fe80::1]);
	print type_name(192.168.0.0/16);
	print type_name(o);
	print type_name(p);
	print type_name(q);
	print type_name(r);
	print type_name(s);
	print type_name(t);
	print type_name(u);
	print type_name(v);
	print type_name(lt);
	print type_name(gives_any);
	print type_name(nothing);
	print type_name(bro_init);
	}
