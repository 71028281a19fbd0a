# A Broker set: insert, contains, remove, size, iteration in Broker's order
# (by type, then by value), clear; iterators work on a copy.
# @TEST-EXEC: bro -b %INPUT >out
# @TEST-EXEC: btest-diff out

type P: record {
	n: count;
	s: string;
};

function show(d: Broker::Data): string
	{
	switch ( Broker::data_type(d) ) {
	case Broker::BOOL:
		return fmt("bool %s", d as bool);
	case Broker::COUNT:
		return fmt("count %s", d as count);
	case Broker::INT:
		return fmt("int %s", d as int);
	case Broker::STRING:
		return fmt("string %s", d as string);
	case Broker::VECTOR:
		return fmt("vector of %d", Broker::vector_size(d));
	default:
		return fmt("%s", Broker::data_type(d));
	}
	}

event bro_init()
	{
	local s = Broker::set_create();
	print Broker::data_type(s), Broker::set_size(s);
	print Broker::set_insert(s, "b"), Broker::set_insert(s, 3), Broker::set_insert(s, "a");
	print Broker::set_insert(s, 1), Broker::set_insert(s, -1), Broker::set_insert(s, T);
	print Broker::set_insert(s, vector(2, 1));
	print Broker::set_insert(s, 3), Broker::set_insert(s, "a");
	print Broker::set_size(s);
	print Broker::set_contains(s, 3), Broker::set_contains(s, +3), Broker::set_contains(s, "c");

	local it = Broker::set_iterator(s);
	# Changes after the iterator was made do not show in it.
	Broker::set_insert(s, "z");
	while ( ! Broker::set_iterator_last(it) )
		{
		print show(Broker::set_iterator_value(it));
		Broker::set_iterator_next(it);
		}
	print Broker::set_iterator_next(it), Broker::set_iterator_last(it);

	print Broker::set_remove(s, "b"), Broker::set_remove(s, "b"), Broker::set_size(s);

	# Back to a script set: composite elements for a composite index.
	local pairs = Broker::set_create();
	Broker::set_insert(pairs, P($n=1, $s="x"));
	Broker::set_insert(pairs, P($n=2, $s="y"));
	local ps = pairs as set[count, string];
	print |ps|, [1, "x"] in ps, [2, "y"] in ps, [2, "x"] in ps;
	print pairs is set[count], pairs is set[count, string];

	# A set made from a script set, with its elements in Broker's order.
	local fromscript = Broker::data(set("q", "p", "r"));
	local it2 = Broker::set_iterator(fromscript);
	while ( ! Broker::set_iterator_last(it2) )
		{
		print show(Broker::set_iterator_value(it2));
		Broker::set_iterator_next(it2);
		}

	print Broker::set_clear(s), Broker::set_size(s);
	local it3 = Broker::set_iterator(s);
	print Broker::set_iterator_last(it3), Broker::set_iterator_next(it3);
	}
