# Queue: put, get, peek, len, max_len, merge, get_vector.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/queue

event bro_init()
	{
	local q = Queue::init();
	Queue::put(q, 1);
	Queue::put(q, 2);
	Queue::put(q, 3);
	print Queue::len(q), Queue::peek(q);
	print Queue::get(q), Queue::len(q);
	local v: vector of count;
	Queue::get_vector(q, v);
	print v;

	local small = Queue::init([$max_len=2]);
	Queue::put(small, "a");
	Queue::put(small, "b");
	Queue::put(small, "c");
	local sv: vector of string = vector();
	Queue::get_vector(small, sv);
	print sv, Queue::len(small);

	local q1 = Queue::init();
	local q2 = Queue::init();
	Queue::put(q1, "x1");
	Queue::put(q1, "x2");
	Queue::put(q2, "y1");
	Queue::put(q2, "y2");
	Queue::put(q2, "y3");
	local mv: vector of string;
	Queue::get_vector(Queue::merge(q1, q2), mv);
	print mv;

	local one = Queue::init();
	Queue::put(one, "only");
	print one;
	}
