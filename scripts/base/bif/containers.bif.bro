##! Functions on tables, sets and vectors as wholes, and on types and
##! identifiers.

## Removes every element of a set or table.
global clear_table: function(v: any): any;

## Returns the subnets of a set[subnet] or table[subnet] that contain
## *search*, most specific first.
global matching_subnets: function(search: subnet, t: any): subnet_vec;

## Returns a new table holding the elements of a set[subnet] or
## table[subnet] whose subnet contains *search*.
global filter_subnet_table: function(search: subnet, t: any): any;

## Tells whether *search* itself is an element of a set[subnet] or
## table[subnet] (an exact match, unlike "in").
global check_subnet: function(search: subnet, t: any): bool;

## Tells whether two values are one object.
global same_object: function(o1: any, o2: any): bool;

## Returns the number of bytes a value occupies.
global val_size: function(v: any): count;

## Sets a vector's size; returns the size it had.
global resize: function(aggr: any, newsize: count): count;

## Tells whether any element of a vector of bool is true.
global any_set: function(v: any): bool;

## Tells whether every element of a vector of bool is true; missing
## elements count as false.
global all_set: function(v: any): bool;

## Sorts a vector in place and returns it. The optional comparison
## function, function(a: T, b: T): int, returns a negative number when
## *a* comes first; it is needed for types other than int and count.
global sort: function(v: any, va_args: any): any;

## Returns the positions of a vector's elements in sorted order; the
## comparison function is as for sort.
global order: function(v: any, va_args: any): index_vec;

## Returns the field names of the record type named *rt*, from position 1.
global record_type_to_vector: function(rt: string): string_vec;

## Returns the name of a value's type.
global type_name: function(t: any): string;

## Returns the size of every global variable that has a value.
global global_sizes: function(): var_sizes;

## Describes every global identifier.
global global_ids: function(): id_table;

## Returns the value of the global identifier *id*, or "<unknown id>" or
## "<no ID value>".
global lookup_ID: function(id: string): any;

## Describes the fields of a record.
global record_fields: function(rec: any): record_field_table;

## Returns an enum value's number.
global enum_to_int: function(e: any): int;

## Returns the elements of a vector (holes left out), or the indices of a
## table or set, each as an any carrying its type; an index of several
## values comes as a vector of them. (A gobro helper, not a Bro 2.6
## function: base/utils/json uses it.)
global __container_members: function(v: any): vector of any;

## Returns the values of a table in the order __container_members gives
## its indices. (A gobro helper for base/utils/json.)
global __table_yields: function(v: any): vector of any;
