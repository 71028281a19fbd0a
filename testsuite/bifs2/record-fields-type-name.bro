# record_fields gives type_name "record" for every field, as Bro 2.6.4
# does (it names the record's own type).
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record {
	a: count;
	b: string &optional;
	c: set[string] &default=set();
};

event bro_init()
	{
	local f = record_fields(R($a=1));
	print f["a"]$type_name, f["b"]$type_name, f["c"]$type_name;
	}
