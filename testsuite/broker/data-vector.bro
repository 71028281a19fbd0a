# A Broker vector: insert (at a position, or at the end past it), replace,
# remove, lookup, size, iteration, clear; a vector of mixed types to a
# script vector of any.
# @TEST-EXEC: bro -b %INPUT >out
# @TEST-EXEC: btest-diff out

function show(v: Broker::Data)
	{
	local parts = "";
	local it = Broker::vector_iterator(v);
	while ( ! Broker::vector_iterator_last(it) )
		{
		local d = Broker::vector_iterator_value(it);
		if ( Broker::data_type(d) == Broker::STRING )
			parts += fmt(" %s", d as string);
		else
			parts += fmt(" %s", Broker::data_type(d));
		Broker::vector_iterator_next(it);
		}
	print fmt("%d:%s", Broker::vector_size(v), parts);
	}

event bro_init()
	{
	local v = Broker::vector_create();
	print Broker::data_type(v), Broker::vector_size(v);
	print Broker::vector_insert(v, 0, "b");
	print Broker::vector_insert(v, 0, "a");
	print Broker::vector_insert(v, 100, "d");
	print Broker::vector_insert(v, 2, "c");
	show(v);
	print Broker::vector_replace(v, 1, "B") as string;
	print Broker::vector_replace(v, 9, "X");
	show(v);
	print Broker::vector_lookup(v, 3) as string;
	print Broker::vector_lookup(v, 4);
	print Broker::vector_remove(v, 0) as string;
	print Broker::vector_remove(v, 7);
	show(v);
	print v as vector of string;

	local mixed = Broker::vector_create();
	Broker::vector_insert(mixed, 0, 5);
	Broker::vector_insert(mixed, 1, "five");
	Broker::vector_insert(mixed, 2, 5.0);
	show(mixed);
	print mixed is vector of count, mixed is vector of any;
	local va = mixed as vector of any;
	print |va|, va[0] as count, va[1] as string, va[2] as double;

	print Broker::vector_clear(v), Broker::vector_size(v);
	local it = Broker::vector_iterator(v);
	print Broker::vector_iterator_last(it), Broker::vector_iterator_next(it);
	}
