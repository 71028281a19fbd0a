##! Broker's data values: converting script values to and from Broker data
##! (see :bro:see:`Broker::Data`), and making, inspecting and changing sets,
##! tables, vectors and records of Broker data.

@load ./main
@load base/bif/data.bif

module Broker;

export {
	## Converts a script value into Broker data.
	##
	## d: the value to convert.
	##
	## Returns: the value as Broker data; its *data* field is left unset where
	##          the value's type cannot be carried by Broker.
	global data: function(d: any): Broker::Data;

	## Tells which type of Broker data a value holds.
	##
	## d: the Broker data.
	##
	## Returns: its type, named after the script type it converts to.
	global data_type: function(d: Broker::Data): Broker::DataType;

	## Makes an empty Broker set.
	global set_create: function(): Broker::Data;

	## Takes every element out of a Broker set.
	##
	## s: the set.
	##
	## Returns: always true.
	global set_clear: function(s: Broker::Data): bool;

	## Counts a Broker set's elements.
	##
	## s: the set.
	##
	## Returns: how many elements it has.
	global set_size: function(s: Broker::Data): count;

	## Tests whether a Broker set holds a value.
	##
	## s: the set.
	##
	## key: the value to look for, converted to Broker data.
	##
	## Returns: true if the set holds it.
	global set_contains: function(s: Broker::Data, key: any): bool;

	## Adds a value to a Broker set.
	##
	## s: the set.
	##
	## key: the value to add, converted to Broker data.
	##
	## Returns: true if the value was new to the set.
	global set_insert: function(s: Broker::Data, key: any): bool;

	## Takes a value out of a Broker set.
	##
	## s: the set.
	##
	## key: the value to take out, converted to Broker data.
	##
	## Returns: true if the set held it.
	global set_remove: function(s: Broker::Data, key: any): bool;

	## Starts going through a Broker set, in Broker's order of its elements.
	## The iterator works on a copy: later changes to the set do not show.
	##
	## s: the set.
	##
	## Returns: an iterator at the set's first element.
	global set_iterator: function(s: Broker::Data): opaque of Broker::SetIterator;

	## Tells whether a set iterator has gone past the last element.
	##
	## it: the iterator.
	##
	## Returns: true if no element is left.
	global set_iterator_last: function(it: opaque of Broker::SetIterator): bool;

	## Moves a set iterator to the next element.
	##
	## it: the iterator.
	##
	## Returns: true if it now stands at an element; false if it has gone
	##          past the last one (or had already).
	global set_iterator_next: function(it: opaque of Broker::SetIterator): bool;

	## Gives the element a set iterator stands at.
	##
	## it: the iterator.
	##
	## Returns: the element; with its *data* field unset where the iterator
	##          has gone past the last one.
	global set_iterator_value: function(it: opaque of Broker::SetIterator): Broker::Data;

	## Makes an empty Broker table.
	global table_create: function(): Broker::Data;

	## Takes every entry out of a Broker table.
	##
	## t: the table.
	##
	## Returns: always true.
	global table_clear: function(t: Broker::Data): bool;

	## Counts a Broker table's entries.
	##
	## t: the table.
	##
	## Returns: how many keys it has.
	global table_size: function(t: Broker::Data): count;

	## Tests whether a Broker table has a key.
	##
	## t: the table.
	##
	## key: the key to look for, converted to Broker data.
	##
	## Returns: true if the table has it.
	global table_contains: function(t: Broker::Data, key: any): bool;

	## Sets the value of a key in a Broker table.
	##
	## t: the table.
	##
	## key: the key, converted to Broker data.
	##
	## val: the value, converted to Broker data.
	##
	## Returns: the value the key had before; with its *data* field unset
	##          where the key is new.
	global table_insert: function(t: Broker::Data, key: any, val: any): Broker::Data;

	## Takes a key out of a Broker table.
	##
	## t: the table.
	##
	## key: the key, converted to Broker data.
	##
	## Returns: the value the key had; with its *data* field unset where the
	##          table did not have it.
	global table_remove: function(t: Broker::Data, key: any): Broker::Data;

	## Looks a key up in a Broker table.
	##
	## t: the table.
	##
	## key: the key, converted to Broker data.
	##
	## Returns: a copy of the key's value; with its *data* field unset where
	##          the table does not have it.
	global table_lookup: function(t: Broker::Data, key: any): Broker::Data;

	## Starts going through a Broker table, in Broker's order of its keys.
	## The iterator works on a copy: later changes to the table do not show.
	##
	## t: the table.
	##
	## Returns: an iterator at the table's first entry.
	global table_iterator: function(t: Broker::Data): opaque of Broker::TableIterator;

	## Tells whether a table iterator has gone past the last entry.
	##
	## it: the iterator.
	##
	## Returns: true if no entry is left.
	global table_iterator_last: function(it: opaque of Broker::TableIterator): bool;

	## Moves a table iterator to the next entry.
	##
	## it: the iterator.
	##
	## Returns: true if it now stands at an entry; false if it has gone past
	##          the last one (or had already).
	global table_iterator_next: function(it: opaque of Broker::TableIterator): bool;

	## Gives the entry a table iterator stands at.
	##
	## it: the iterator.
	##
	## Returns: the entry's key and value; both with their *data* fields
	##          unset where the iterator has gone past the last entry.
	global table_iterator_value: function(it: opaque of Broker::TableIterator): Broker::TableItem;

	## Makes an empty Broker vector.
	global vector_create: function(): Broker::Data;

	## Takes every element out of a Broker vector.
	##
	## v: the vector.
	##
	## Returns: always true.
	global vector_clear: function(v: Broker::Data): bool;

	## Counts a Broker vector's elements.
	##
	## v: the vector.
	##
	## Returns: how many elements it has.
	global vector_size: function(v: Broker::Data): count;

	## Puts a value into a Broker vector, moving the elements from the
	## position on one place up.
	##
	## v: the vector.
	##
	## idx: the position; past the end means at the end.
	##
	## d: the value, converted to Broker data.
	##
	## Returns: true if it was put in.
	global vector_insert: function(v: Broker::Data, idx: count, d: any): bool;

	## Replaces an element of a Broker vector.
	##
	## v: the vector.
	##
	## idx: the element's position.
	##
	## d: the new value, converted to Broker data.
	##
	## Returns: the element replaced; with its *data* field unset where the
	##          position is past the end (and nothing is replaced).
	global vector_replace: function(v: Broker::Data, idx: count, d: any): Broker::Data;

	## Takes an element out of a Broker vector, moving the ones after it
	## one place down.
	##
	## v: the vector.
	##
	## idx: the element's position.
	##
	## Returns: the element taken out; with its *data* field unset where the
	##          position is past the end.
	global vector_remove: function(v: Broker::Data, idx: count): Broker::Data;

	## Gives an element of a Broker vector.
	##
	## v: the vector.
	##
	## idx: the element's position.
	##
	## Returns: a copy of the element; with its *data* field unset where the
	##          position is past the end.
	global vector_lookup: function(v: Broker::Data, idx: count): Broker::Data;

	## Starts going through a Broker vector. The iterator works on a copy:
	## later changes to the vector do not show.
	##
	## v: the vector.
	##
	## Returns: an iterator at the vector's first element.
	global vector_iterator: function(v: Broker::Data): opaque of Broker::VectorIterator;

	## Tells whether a vector iterator has gone past the last element.
	##
	## it: the iterator.
	##
	## Returns: true if no element is left.
	global vector_iterator_last: function(it: opaque of Broker::VectorIterator): bool;

	## Moves a vector iterator to the next element.
	##
	## it: the iterator.
	##
	## Returns: true if it now stands at an element; false if it has gone
	##          past the last one (or had already).
	global vector_iterator_next: function(it: opaque of Broker::VectorIterator): bool;

	## Gives the element a vector iterator stands at.
	##
	## it: the iterator.
	##
	## Returns: the element; with its *data* field unset where the iterator
	##          has gone past the last one.
	global vector_iterator_value: function(it: opaque of Broker::VectorIterator): Broker::Data;

	## Makes a Broker record (which Broker keeps as a vector) with every
	## field unset.
	##
	## sz: the number of fields.
	##
	## Returns: the record.
	global record_create: function(sz: count): Broker::Data;

	## Counts a Broker record's fields, set or not.
	##
	## r: the record.
	##
	## Returns: how many fields it has.
	global record_size: function(r: Broker::Data): count;

	## Sets a field of a Broker record.
	##
	## r: the record.
	##
	## idx: the field's position.
	##
	## d: the value, converted to Broker data.
	##
	## Returns: false where the record has no such field or the value does
	##          not convert.
	global record_assign: function(r: Broker::Data, idx: count, d: any): bool;

	## Gives a field of a Broker record.
	##
	## r: the record.
	##
	## idx: the field's position.
	##
	## Returns: a copy of the field's value; with its *data* field unset where
	##          the field is unset or the record has no such field.
	global record_lookup: function(r: Broker::Data, idx: count): Broker::Data;

	## Starts going through a Broker record's fields. The iterator works on
	## a copy: later changes to the record do not show.
	##
	## r: the record.
	##
	## Returns: an iterator at the record's first field.
	global record_iterator: function(r: Broker::Data): opaque of Broker::RecordIterator;

	## Tells whether a record iterator has gone past the last field.
	##
	## it: the iterator.
	##
	## Returns: true if no field is left.
	global record_iterator_last: function(it: opaque of Broker::RecordIterator): bool;

	## Moves a record iterator to the next field.
	##
	## it: the iterator.
	##
	## Returns: true if it now stands at a field; false if it has gone past
	##          the last one (or had already).
	global record_iterator_next: function(it: opaque of Broker::RecordIterator): bool;

	## Gives the field a record iterator stands at.
	##
	## it: the iterator.
	##
	## Returns: the field's value; with its *data* field unset where the field
	##          is unset or the iterator has gone past the last field.
	global record_iterator_value: function(it: opaque of Broker::RecordIterator): Broker::Data;
}

module Broker;

function data(d: any): Broker::Data
	{
	return __data(d);
	}

function data_type(d: Broker::Data): Broker::DataType
	{
	return __data_type(d);
	}

function set_create(): Broker::Data
	{
	return __set_create();
	}

function set_clear(s: Broker::Data): bool
	{
	return __set_clear(s);
	}

function set_size(s: Broker::Data): count
	{
	return __set_size(s);
	}

function set_contains(s: Broker::Data, key: any): bool
	{
	return __set_contains(s, key);
	}

function set_insert(s: Broker::Data, key: any): bool
	{
	return __set_insert(s, key);
	}

function set_remove(s: Broker::Data, key: any): bool
	{
	return __set_remove(s, key);
	}

function set_iterator(s: Broker::Data): opaque of Broker::SetIterator
	{
	return __set_iterator(s);
	}

function set_iterator_last(it: opaque of Broker::SetIterator): bool
	{
	return __set_iterator_last(it);
	}

function set_iterator_next(it: opaque of Broker::SetIterator): bool
	{
	return __set_iterator_next(it);
	}

function set_iterator_value(it: opaque of Broker::SetIterator): Broker::Data
	{
	return __set_iterator_value(it);
	}

function table_create(): Broker::Data
	{
	return __table_create();
	}

function table_clear(t: Broker::Data): bool
	{
	return __table_clear(t);
	}

function table_size(t: Broker::Data): count
	{
	return __table_size(t);
	}

function table_contains(t: Broker::Data, key: any): bool
	{
	return __table_contains(t, key);
	}

function table_insert(t: Broker::Data, key: any, val: any): Broker::Data
	{
	return __table_insert(t, key, val);
	}

function table_remove(t: Broker::Data, key: any): Broker::Data
	{
	return __table_remove(t, key);
	}

function table_lookup(t: Broker::Data, key: any): Broker::Data
	{
	return __table_lookup(t, key);
	}

function table_iterator(t: Broker::Data): opaque of Broker::TableIterator
	{
	return __table_iterator(t);
	}

function table_iterator_last(it: opaque of Broker::TableIterator): bool
	{
	return __table_iterator_last(it);
	}

function table_iterator_next(it: opaque of Broker::TableIterator): bool
	{
	return __table_iterator_next(it);
	}

function table_iterator_value(it: opaque of Broker::TableIterator): Broker::TableItem
	{
	return __table_iterator_value(it);
	}

function vector_create(): Broker::Data
	{
	return __vector_create();
	}

function vector_clear(v: Broker::Data): bool
	{
	return __vector_clear(v);
	}

function vector_size(v: Broker::Data): count
	{
	return __vector_size(v);
	}

function vector_insert(v: Broker::Data, idx: count, d: any): bool
	{
	return __vector_insert(v, idx, d);
	}

function vector_replace(v: Broker::Data, idx: count, d: any): Broker::Data
	{
	return __vector_replace(v, idx, d);
	}

function vector_remove(v: Broker::Data, idx: count): Broker::Data
	{
	return __vector_remove(v, idx);
	}

function vector_lookup(v: Broker::Data, idx: count): Broker::Data
	{
	return __vector_lookup(v, idx);
	}

function vector_iterator(v: Broker::Data): opaque of Broker::VectorIterator
	{
	return __vector_iterator(v);
	}

function vector_iterator_last(it: opaque of Broker::VectorIterator): bool
	{
	return __vector_iterator_last(it);
	}

function vector_iterator_next(it: opaque of Broker::VectorIterator): bool
	{
	return __vector_iterator_next(it);
	}

function vector_iterator_value(it: opaque of Broker::VectorIterator): Broker::Data
	{
	return __vector_iterator_value(it);
	}

function record_create(sz: count): Broker::Data
	{
	return __record_create(sz);
	}

function record_size(r: Broker::Data): count
	{
	return __record_size(r);
	}

function record_assign(r: Broker::Data, idx: count, d: any): bool
	{
	return __record_assign(r, idx, d);
	}

function record_lookup(r: Broker::Data, idx: count): Broker::Data
	{
	return __record_lookup(r, idx);
	}

function record_iterator(r: Broker::Data): opaque of Broker::RecordIterator
	{
	return __record_iterator(r);
	}

function record_iterator_last(it: opaque of Broker::RecordIterator): bool
	{
	return __record_iterator_last(it);
	}

function record_iterator_next(it: opaque of Broker::RecordIterator): bool
	{
	return __record_iterator_next(it);
	}

function record_iterator_value(it: opaque of Broker::RecordIterator): Broker::Data
	{
	return __record_iterator_value(it);
	}

# The data store API.

module Broker;

export {
	## How often a clone that has lost its master tries to reach it again.
	const default_clone_resync_interval = 10sec &redef;

	## How long a clone that has lost its master goes on answering queries
	## from its own copy; after that its queries time out. Negative: for
	## ever.
	const default_clone_stale_interval = 5min &redef;

	## How long a clone that has lost its master keeps the mutations made
	## meanwhile, to send them once the master is back. Zero or negative:
	## none are kept.
	const default_clone_mutation_buffer_interval = 2min &redef;

	## Whether a store query was answered.
	type QueryStatus: enum {
		SUCCESS,
		FAILURE,
	};

	## The answer to a store query.
	type QueryResult: record {
		## Whether the query was answered.
		status: Broker::QueryStatus;
		## The answer: a Broker value whose type depends on the query.
		result: Broker::Data;
	};

	## The kinds of storage a master store can keep its entries in. gobro
	## keeps MEMORY stores in memory, and SQLITE and ROCKSDB stores in a
	## Badger directory at the path their options give.
	type BackendType: enum {
		MEMORY,
		SQLITE,
		ROCKSDB,
	};

	## Options of the SQLITE backend.
	type SQLiteOptions: record {
		## Where the store lives; empty means the store's name followed
		## by ".sqlite", in the current directory.
		path: string &default = "";
	};

	## Options of the ROCKSDB backend.
	type RocksDBOptions: record {
		## Where the store lives; empty means the store's name followed
		## by ".rocksdb", in the current directory.
		path: string &default = "";
	};

	## Options of the storage backends.
	type BackendOptions: record {
		sqlite: SQLiteOptions &default = SQLiteOptions();
		rocksdb: RocksDBOptions &default = RocksDBOptions();
	};

	## What a store holds and has done (gobro's addition to Bro's API).
	type StoreStats: record {
		## The number of keys.
		entries: count;
		## The writes applied since the store was opened.
		puts: count;
		## The queries answered since the store was opened.
		gets: count;
		## The size of the store's files; 0 for a MEMORY store.
		disk_bytes: count;
	};

	## Makes this process the master of a data store, or returns the
	## handle of a store of that name already open here.
	##
	## name: the store's name, unique among the peers.
	##
	## b: where the master keeps its entries.
	##
	## options: settings of that backend (the path of a persistent one).
	##
	## Returns: the store's handle.
	global create_master: function(name: string, b: BackendType &default = MEMORY,
	                               options: BackendOptions &default = BackendOptions()): opaque of Broker::Store;

	## Makes a clone of a data store whose master may be in another
	## process. The clone keeps a copy of the master's entries, which its
	## queries read; its changes go to the master, which passes them on to
	## every clone.
	##
	## name: the name of the master's store.
	##
	## resync_interval: how often to try again to reach a lost master.
	##
	## stale_interval: how long a clone that lost its master keeps
	##                 answering queries; negative for ever.
	##
	## mutation_buffer_interval: how long a clone that lost its master
	##                           keeps its changes to send them later;
	##                           zero or negative for not at all.
	##
	## Returns: the store's handle.
	global create_clone: function(name: string,
	                              resync_interval: interval &default = default_clone_resync_interval,
	                              stale_interval: interval &default = default_clone_stale_interval,
	                              mutation_buffer_interval: interval &default = default_clone_mutation_buffer_interval): opaque of Broker::Store;

	## Closes a store: its entries are written out and the handle is of no
	## further use.
	##
	## h: the store's handle.
	##
	## Returns: true if the store was open.
	global close: function(h: opaque of Broker::Store): bool;

	## Tells whether a store is closed. As in Bro 2.6, the answer is in
	## fact whether a store of the handle's name is open: true while it
	## is, false once it has been closed.
	##
	## h: the store's handle.
	global is_closed: function(h: opaque of Broker::Store): bool;

	## Gives a store's name.
	##
	## h: the store's handle.
	##
	## Returns: the name.
	global store_name: function(h: opaque of Broker::Store): string;

	## Asks whether a key is in a store. A query: call it in a "when"
	## condition that has a timeout block.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## Returns: a bool in *result*.
	global exists: function(h: opaque of Broker::Store, k: any): QueryResult;

	## Asks for the value of a key. A query: call it in a "when"
	## condition that has a timeout block.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## Returns: the value in *result*; FAILURE where the key is absent.
	global get: function(h: opaque of Broker::Store, k: any): QueryResult;

	## Sets a key's value unless the key is there already. A query: call
	## it in a "when" condition that has a timeout block.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## v: the value.
	##
	## e: how long the entry lives; 0secs for ever.
	##
	## Returns: a bool in *result*, true where the value was stored,
	##          false where the key was there.
	global put_unique: function(h: opaque of Broker::Store,
	                            k: any, v: any, e: interval &default=0sec): QueryResult;

	## Asks for one part of a container value: the element at an index
	## of a vector, the value at an index of a table, or whether a set
	## holds an element. A query: call it in a "when" condition that has
	## a timeout block.
	##
	## h: the store's handle.
	##
	## k: the key of the container.
	##
	## i: the index, or the element of a set.
	##
	## Returns: the part in *result* (a bool for a set); FAILURE where the
	##          key or the index is absent.
	global get_index_from_value: function(h: opaque of Broker::Store,
	                                      k: any, i: any): QueryResult;

	## Sets a key's value.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## v: the value.
	##
	## e: how long the entry lives; 0secs for ever.
	##
	## Returns: false if the key or value cannot be stored in Broker.
	global put: function(h: opaque of Broker::Store,
	                     k: any, v: any, e: interval &default=0sec) : bool;

	## Removes a key.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## Returns: false if the key cannot be stored in Broker.
	global erase: function(h: opaque of Broker::Store, k: any) : bool;

	## Adds to a number (count, int, double, interval) or moves a time
	## forward. An absent key starts at zero of the amount's type (a time
	## at 0 for an interval amount); an amount of another type changes
	## nothing.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## a: the amount, of the value's type (an interval for a time).
	##
	## e: how long the entry lives from now on; 0secs for ever.
	##
	## Returns: false if an argument cannot be stored in Broker.
	global increment: function(h: opaque of Broker::Store, k: any,
	                           a: any &default = 1,
	                           e: interval &default=0sec) : bool;

	## Subtracts from a number or moves a time back. The key must be
	## there; an amount of another type changes nothing.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## a: the amount, of the value's type (an interval for a time).
	##
	## e: how long the entry lives from now on; 0secs for ever.
	##
	## Returns: false if an argument cannot be stored in Broker.
	global decrement: function(h: opaque of Broker::Store, k: any,
	                           a: any &default = 1,
	                           e: interval &default=0sec) : bool;

	## Appends to a string; an absent key starts as the empty string.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## s: what to append.
	##
	## e: how long the entry lives from now on; 0secs for ever.
	##
	## Returns: false if an argument cannot be stored in Broker.
	global append: function(h: opaque of Broker::Store, k: any, s: string,
	                        e: interval &default=0sec) : bool;

	## Adds an element to a set; an absent key starts as the empty set.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## i: the element.
	##
	## e: how long the entry lives from now on; 0secs for ever.
	##
	## Returns: false if an argument cannot be stored in Broker.
	global insert_into_set: function(h: opaque of Broker::Store,
	                                 k: any, i: any,
	                                 e: interval &default=0sec) : bool;

	## Sets the value at an index of a table; an absent key starts as the
	## empty table.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## i: the table's index.
	##
	## v: the value.
	##
	## e: how long the entry lives from now on; 0secs for ever.
	##
	## Returns: false if an argument cannot be stored in Broker.
	global insert_into_table: function(h: opaque of Broker::Store,
	                                   k: any, i: any, v: any,
	                                   e: interval &default=0sec) : bool;

	## Removes an element from a set or an index from a table; on a
	## vector, as in Broker, removes the last element whatever *i* is.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## i: the element or index.
	##
	## e: how long the entry lives from now on; 0secs for ever.
	##
	## Returns: false if an argument cannot be stored in Broker.
	global remove_from: function(h: opaque of Broker::Store,
	                             k: any, i: any,
	                             e: interval &default=0sec) : bool;

	## Appends an element to a vector; an absent key starts as the empty
	## vector.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## v: the element.
	##
	## e: how long the entry lives from now on; 0secs for ever.
	##
	## Returns: false if an argument cannot be stored in Broker.
	global push: function(h: opaque of Broker::Store,
	                      k: any, v: any,
	                      e: interval &default=0sec) : bool;

	## Removes the last element of a vector.
	##
	## h: the store's handle.
	##
	## k: the key.
	##
	## e: how long the entry lives from now on; 0secs for ever.
	##
	## Returns: false if the key cannot be stored in Broker.
	global pop: function(h: opaque of Broker::Store,
	                     k: any,
	                     e: interval &default=0sec) : bool;

	## Asks for every key of a store. A query: call it in a "when"
	## condition that has a timeout block.
	##
	## h: the store's handle.
	##
	## Returns: a set of the keys in *result*.
	global keys: function(h: opaque of Broker::Store): QueryResult;

	## Removes every key of a store.
	##
	## h: the store's handle.
	##
	## Returns: true.
	global clear: function(h: opaque of Broker::Store) : bool;

	## What a store holds and has done, at once (no "when" needed).
	##
	## h: the store's handle.
	##
	## Returns: its counts; zeros for a store that is not open here.
	global store_stats: function(h: opaque of Broker::Store): StoreStats;
}

@load base/bif/store.bif

module Broker;

function create_master(name: string, b: BackendType &default = MEMORY,
                       options: BackendOptions &default = BackendOptions()): opaque of Broker::Store
	{
	return __create_master(name, b, options);
	}

function create_clone(name: string,
                      resync_interval: interval &default = default_clone_resync_interval,
                      stale_interval: interval &default = default_clone_stale_interval,
                      mutation_buffer_interval: interval &default = default_clone_mutation_buffer_interval): opaque of Broker::Store
	{
	return __create_clone(name, resync_interval, stale_interval,
	                      mutation_buffer_interval);
	}

function close(h: opaque of Broker::Store): bool
	{
	return __close(h);
	}

function is_closed(h: opaque of Broker::Store): bool
	{
	return __is_closed(h);
	}

function store_name(h: opaque of Broker::Store): string
	{
	return __store_name(h);
	}

function exists(h: opaque of Broker::Store, k: any): QueryResult
	{
	return __exists(h, k);
	}

function get(h: opaque of Broker::Store, k: any): QueryResult
	{
	return __get(h, k);
	}

function put_unique(h: opaque of Broker::Store, k: any, v: any,
                    e: interval &default=0sec): QueryResult
	{
	return __put_unique(h, k, v, e);
	}

function get_index_from_value(h: opaque of Broker::Store, k: any, i: any): QueryResult
	{
	return __get_index_from_value(h, k, i);
	}

function keys(h: opaque of Broker::Store): QueryResult
	{
	return __keys(h);
	}

function put(h: opaque of Broker::Store, k: any, v: any, e: interval) : bool
	{
	return __put(h, k, v, e);
	}

function erase(h: opaque of Broker::Store, k: any) : bool
	{
	return __erase(h, k);
	}

function increment(h: opaque of Broker::Store, k: any, a: any, e: interval) : bool
	{
	return __increment(h, k, a, e);
	}

function decrement(h: opaque of Broker::Store, k: any, a: any, e: interval) : bool
	{
	return __decrement(h, k, a, e);
	}

function append(h: opaque of Broker::Store, k: any, s: string, e: interval) : bool
	{
	return __append(h, k, s, e);
	}

function insert_into_set(h: opaque of Broker::Store, k: any, i: any, e: interval) : bool
	{
	return __insert_into_set(h, k, i, e);
	}

function insert_into_table(h: opaque of Broker::Store, k: any, i: any, v: any, e: interval) : bool
	{
	return __insert_into_table(h, k, i, v, e);
	}

function remove_from(h: opaque of Broker::Store, k: any, i: any, e: interval) : bool
	{
	return __remove_from(h, k, i, e);
	}

function push(h: opaque of Broker::Store, k: any, v: any, e: interval) : bool
	{
	return __push(h, k, v, e);
	}

function pop(h: opaque of Broker::Store, k: any, e: interval) : bool
	{
	return __pop(h, k, e);
	}

function clear(h: opaque of Broker::Store) : bool
	{
	return __clear(h);
	}

function store_stats(h: opaque of Broker::Store): StoreStats
	{
	return __store_stats(h);
	}
