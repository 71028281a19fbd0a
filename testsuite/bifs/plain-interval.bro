# double_to_interval and calc_next_rotate return, as in Bro 2.6, a plain
# value of type interval (bro.bif: new Val(d, TYPE_INTERVAL)) rather than
# an interval value: it describes itself as the double it holds, in print,
# cat and fmt alike, and keeps doing so when assigned or stored. Its type
# is interval all the same, arithmetic on it makes a true interval, and it
# selects a switch case by its value.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record { i: interval; };

event bro_init()
	{
	local d = 3.5;
	print double_to_interval(d), double_to_interval(60.0), double_to_interval(-1.5);
	print cat(double_to_interval(90.0)), fmt("%s", double_to_interval(90.0));
	print type_name(double_to_interval(d));
	local i: interval = double_to_interval(90.0);
	local r = R($i=i);
	local v = vector(i, 1min);
	local t: table[count] of interval = { [1] = i };
	print i, r, v, t[1];
	print i + 1sec, i * 2, -i, i == 90sec, i < 2min;
	local s: set[interval] = { i };
	print 90sec in s, 1.5min in s;
	print type_name(calc_next_rotate(1hr)), /sec|min|hr|day/ in cat(calc_next_rotate(1hr));
	switch ( double_to_interval(60.0) ) {
	case 1min:
		print "switch", "1min";
		break;
	default:
		print "switch", "default";
		break;
	}
	}
