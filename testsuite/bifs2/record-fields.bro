# record_fields() describes each field of a record value: whether it is
# &log, its value if it has one and its &default if it has one.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

type r: record {
	a: count;
	b: string &default="Foo";
	c: double &optional;
	d: string &log;
};

event bro_init()
	{
	local x: r = [$a=42, $d="Bar"];
	print x;
	local t = record_fields(x);
	print |t|;
	print t["a"]$log, t["a"]$value, t["a"]?$default_val;
	print t["b"]$log, t["b"]$value, t["b"]$default_val;
	print t["c"]$log, t["c"]?$value, t["c"]?$default_val;
	print t["d"]$log, t["d"]$value, t["d"]?$default_val;
	x$c = 1.5;
	x$b = "changed";
	t = record_fields(x);
	print t["c"]$value, t["b"]$value, t["b"]$default_val;
	}
