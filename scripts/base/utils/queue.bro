##! A first-in, first-out queue of values of any type.

module Queue;

export {
	## How a queue behaves.
	type Settings: record {
		## If set, the queue keeps at most this many values, dropping
		## the oldest to make room.
		max_len: count &optional;
	};

	## A queue (its insides are private).
	type Queue: record {};

	## Makes a queue.
	##
	## s: its settings.
	##
	## Returns: the empty queue.
	global init:       function(s: Settings &default=[]): Queue;

	## Puts a value into a queue.
	##
	## q: the queue.
	##
	## val: the value.
	global put:        function(q: Queue, val: any);

	## Takes the oldest value out of a queue.
	##
	## q: the queue.
	##
	## Returns: the value.
	global get:        function(q: Queue): any;

	## Returns the oldest value of a queue, leaving it there.
	##
	## q: the queue.
	##
	## Returns: the value.
	global peek:       function(q: Queue): any;

	## Makes a queue holding the values of two, taken alternately from
	## each, oldest first (as many rounds as the first queue has
	## values). The new queue has the first one's settings.
	##
	## q1: the first queue.
	##
	## q2: the second queue.
	##
	## Returns: the new queue.
	global merge:      function(q1: Queue, q2: Queue): Queue;

	## Returns the number of values in a queue.
	##
	## q: the queue.
	##
	## Returns: how many values it holds.
	global len:        function(q: Queue): count;

	## Copies the values of a queue into a vector, oldest first.
	##
	## q: the queue.
	##
	## ret: the vector to fill, from index 0; its element type must be
	##      that of the values.
	global get_vector: function(q: Queue, ret: vector of any);
}

redef record Queue += {
	# Set once init has made the queue.
	initialized: bool                &default=F;
	# The values, by position.
	vals:        table[count] of any &optional;
	# The queue's settings.
	settings:    Settings            &optional;
	# The position the next value goes to.
	top:         count               &default=0;
	# The position of the oldest value.
	bottom:      count               &default=0;
	# Never updated (meant to count the bytes held).
	size:        count               &default=0;
};

function init(s: Settings): Queue
	{
	local q: Queue;
	q$vals = table();
	q$settings = copy(s);
	q$initialized = T;
	return q;
	}

function put(q: Queue, val: any)
	{
	if ( q$settings?$max_len && len(q) >= q$settings$max_len )
		get(q);

	q$vals[q$top] = val;
	++q$top;
	}

function get(q: Queue): any
	{
	local oldest = q$vals[q$bottom];
	delete q$vals[q$bottom];
	++q$bottom;
	return oldest;
	}

function peek(q: Queue): any
	{
	return q$vals[q$bottom];
	}

function merge(q1: Queue, q2: Queue): Queue
	{
	local merged = init(q1$settings);
	local i = q1$bottom;
	local j = q2$bottom;

	# One round per value of the first queue.
	for ( ignored in q1$vals )
		{
		if ( i in q1$vals )
			put(merged, q1$vals[i]);

		if ( j in q2$vals )
			put(merged, q2$vals[j]);

		++i;
		++j;
		}

	return merged;
	}

function len(q: Queue): count
	{
	return |q$vals|;
	}

function get_vector(q: Queue, ret: vector of any)
	{
	local i = q$bottom;
	local j = 0;

	# One round per value held.
	for ( ignored in q$vals )
		{
		if ( i >= q$top )
			break;

		ret[j] = q$vals[i];
		++j;
		++i;
		}
	}
