# switch: several values per case, default, fallthrough, break; type
# cases with "as".
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

function value_switch(n: count): string
	{
	local r = "";
	switch ( n ) {
	case 1, 2:
		r += "one or two;";
		break;
	case 3:
		r += "three;";
		fallthrough;
	case 4:
		r += "four;";
		break;
	default:
		r += "other;";
		break;
	}
	return r;
	}

function type_switch(v: any): string
	{
	switch ( v ) {
	case type string as s:
		return "string " + s;
	case type count as c:
		print c + 1;
		return "count";
	case type bool, type addr:
		return "bool or addr";
	}
	return "n/a";
	}

event bro_init()
	{
	print value_switch(1), value_switch(2), value_switch(3), value_switch(4), value_switch(7);
	print type_switch("x"), type_switch(41), type_switch(T), type_switch(1.2.3.4), type_switch(80/tcp);
	local i = 0;
	while ( i < 2 )
		{
		switch ( i ) {
		case 0:
			print "got 0";
			break;
		default:
			print "got other";
			break;
		}
		++i;
		}
	}
