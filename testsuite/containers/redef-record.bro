# "redef record" adds fields to a type; records made before the redef
# read the new fields as unset (Bro 2.6 resizes them with empty slots),
# while reading a field with a &default still yields it.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type Foo: record {
	a: string;
};

global early = Foo($a="early");

redef record Foo += {
	opt: string &optional;
	def: string &default="D";
};

event bro_init()
	{
	print early;
	print early?$opt, early?$def, early$def;
	local late = Foo($a="late");
	print late;
	early$opt = "set";
	print early;
	local f2: Foo = [$a="x", $opt="y"];
	print f2;
	}
