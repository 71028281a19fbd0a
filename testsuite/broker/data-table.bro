# A Broker table: insert (returning the value replaced), lookup, contains,
# remove, size, iteration by key in Broker's order, clear.
# @TEST-EXEC: bro -b %INPUT >out
# @TEST-EXEC: btest-diff out

event bro_init()
	{
	local t = Broker::table_create();
	print Broker::data_type(t), Broker::table_size(t);

	local prev = Broker::table_insert(t, "two", 2);
	print prev;
	Broker::table_insert(t, "one", 1);
	Broker::table_insert(t, "three", 3);
	prev = Broker::table_insert(t, "two", 22);
	print prev as count;
	print Broker::table_size(t);
	print Broker::table_contains(t, "one"), Broker::table_contains(t, "four"), Broker::table_contains(t, 1);
	print Broker::table_lookup(t, "two") as count;
	print Broker::table_lookup(t, "four");

	local it = Broker::table_iterator(t);
	while ( ! Broker::table_iterator_last(it) )
		{
		local item = Broker::table_iterator_value(it);
		print item$key as string, item$val as count;
		Broker::table_iterator_next(it);
		}

	print Broker::table_remove(t, "one") as count;
	print Broker::table_remove(t, "one");
	print Broker::table_size(t);

	# Converted to and from a script table.
	local st = t as table[string] of count;
	print |st|, st["two"], st["three"];
	print t is table[string] of count, t is table[string] of string, t is set[string];
	local back = Broker::data(table([1, T] = "a", [2, F] = "b"));
	local it2 = Broker::table_iterator(back);
	while ( ! Broker::table_iterator_last(it2) )
		{
		local kv = Broker::table_iterator_value(it2);
		print Broker::data_type(kv$key), Broker::vector_size(kv$key), kv$val as string;
		Broker::table_iterator_next(it2);
		}
	local tt = back as table[count, bool] of string;
	print tt[1, T], tt[2, F];

	print Broker::table_clear(t), Broker::table_size(t);
	}
