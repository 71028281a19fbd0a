# A Broker record (a vector whose unset fields are none): create, assign,
# lookup, size, iteration with unset fields, and conversion to and from
# script records with unset optional fields.
# @TEST-EXEC: bro -b %INPUT >out
# @TEST-EXEC: btest-diff out

type Inner: record {
	x: count;
	y: string &optional;
};

type Outer: record {
	name: string;
	inner: Inner;
	opt: Inner &optional;
	tags: set[string] &optional;
};

event bro_init()
	{
	local r = Broker::record_create(3);
	print Broker::data_type(r), Broker::record_size(r);
	print Broker::record_assign(r, 0, "n");
	print Broker::record_assign(r, 2, 7);
	print Broker::record_assign(r, 3, 8);
	print Broker::record_lookup(r, 0) as string;
	print Broker::record_lookup(r, 1);
	print Broker::record_lookup(r, 2) as count;
	print Broker::record_lookup(r, 5);

	local it = Broker::record_iterator(r);
	while ( ! Broker::record_iterator_last(it) )
		{
		local f = Broker::record_iterator_value(it);
		if ( f?$data )
			print Broker::data_type(f);
		else
			print "unset";
		Broker::record_iterator_next(it);
		}

	# Two fields, the second unset: an Inner with no y.
	local ri = Broker::record_create(2);
	Broker::record_assign(ri, 0, 3);
	print ri as Inner;

	# A record with unset optional fields, nested.
	local o = Outer($name="o", $inner=Inner($x=1));
	local od = Broker::data(o);
	print Broker::record_size(od);
	print Broker::record_lookup(od, 2), Broker::record_lookup(od, 3);
	print od as Outer;
	o$opt = Inner($x=2, $y="why");
	o$tags = set("t");
	local back = Broker::data(o) as Outer;
	print back$opt, back$tags;

	# Too few fields, or a field of the wrong type, do not convert.
	print ri is Outer, r is Inner, Broker::data(vector("a", "b")) is Inner;
	}
