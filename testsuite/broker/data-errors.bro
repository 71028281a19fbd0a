# Reading an iterator that has gone past its end is an error that leaves
# the script running and gives an empty Broker::Data.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

event bro_init()
	{
	local s = Broker::set_create();
	local si = Broker::__set_iterator(s);
	print Broker::__set_iterator_value(si);
	local t = Broker::table_create();
	local ti = Broker::__table_iterator(t);
	print Broker::__table_iterator_value(ti);
	local v = Broker::vector_create();
	Broker::vector_insert(v, 0, 1);
	local vi = Broker::__vector_iterator(v);
	print Broker::__vector_iterator_next(vi);
	print Broker::__vector_iterator_value(vi);
	local r = Broker::record_create(0);
	local ri = Broker::__record_iterator(r);
	print Broker::__record_iterator_value(ri);
	print "done";
	}
