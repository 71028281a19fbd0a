# A record field of table or set type that is neither &optional nor
# &default starts as an empty table made with the field's attributes, so
# &create_expire, &read_expire, &write_expire and &expire_func on the
# field make its entries expire, in every record of the type: a global,
# a local kept elsewhere, one nested in another record. A field with a
# &default takes its default instead (which has no expiration), and an
# &optional one stays unset.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;
redef table_expire_interval = 1sec;

function gone(t: table[string] of count, idx: string): interval
	{
	print "expire_func", idx, t[idx];
	return 0sec;
	}

type R: record {
	s: set[addr] &create_expire=1sec;
	t: table[string] of count &read_expire=1sec &expire_func=gone;
	d: set[count] &create_expire=1sec &default=set(5);
	o: set[count] &create_expire=1sec &optional;
	v: count &default=0;
};

type Outer: record {
	inner: R;
};

global r: R;
global outer: Outer;
global kept: table[count] of R;

event tick(n: count)
	{
	print "tick", n, |r$s|, |r$t|, |r$d|, |kept[1]$s|, |outer$inner$s|;
	if ( n == 2 )
		terminate();
	}

event bro_init()
	{
	local l: R;
	add r$s[1.2.3.4];
	r$t["a"] = 1;
	add r$d[6];
	add l$s[10.0.0.1];
	kept[1] = l;
	add outer$inner$s[10.0.0.2];
	print r?$o, r$v;
	schedule 0.5sec { tick(1) };
	schedule 1.5sec { tick(2) };
	}
