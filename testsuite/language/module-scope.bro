# A name declared in a module is "Module::name"; inside its module the
# short name finds it first, then the GLOBAL one; GLOBAL::name always
# names the global one, and locals hide both. Other modules may name
# only what the module exports.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output
# @TEST-EXEC-FAIL: bro -b noexport.bro >errors 2>&1
# @TEST-EXEC: btest-diff errors

global x = 10;
global only_global = "global";

module Foo;

export {
	global x = 3;
	global foo_view: function(): string;
}

global y = 4;

function foo_view(): string
	{
	return fmt("%s %s %s %s %s", x, y, GLOBAL::x, Foo::x, only_global);
	}

module Bar;

export {
	global bar_view: function(): string;
}

global x = 20;

function bar_view(): string
	{
	local x = 30;
	return fmt("%s %s %s %s %s", x, Bar::x, GLOBAL::x, Foo::x, Foo::foo_view());
	}

module GLOBAL;

event bro_init()
	{
	print x, GLOBAL::x, Foo::x;
	print Foo::foo_view();
	print Bar::bar_view();
	}

@TEST-START-FILE noexport.bro
module Foo;

export {
	global shown = 1;
}

global hidden = 2;

module GLOBAL;

event bro_init()
	{
	print Foo::shown, Foo::hidden;
	}
@TEST-END-FILE
