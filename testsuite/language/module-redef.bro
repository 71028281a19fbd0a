# Module scope, export, redef of a &redef const before bro_init, enums
# with their module prefix.
# @TEST-EXEC: bro -b %INPUT >out
# @TEST-EXEC: btest-diff out

module Demo;

export {
	const level = 1 &redef;
	type Color: enum { RED, GREEN };
	global pick: function(): Color;
}

redef level = 2;

function pick(): Color
	{
	return GREEN;
	}

module GLOBAL;

event bro_init()
	{
	print Demo::level, Demo::pick(), Demo::RED;
	}
