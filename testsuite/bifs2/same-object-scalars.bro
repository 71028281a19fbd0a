# same_object on numbers, bools, times, intervals, enums and ports, as
# Bro 2.6 answers it: every value is an allocated Val (no shared small
# values in 2.6: same_object itself returns "new Val(o1 == o2,
# TYPE_BOOL)"), a name yields the Val it holds, and an assignment, an
# argument, a returned value or a constructor's element stores that Val.
# So a copy is the same object; each literal (each use of an enum
# constant too: the parser makes it a ConstExpr with a new EnumVal) is
# one of its own; arithmetic, promotion, |x|, unary + on a count and
# copy() make new ones; table keys are kept as hashes and come back as
# new values; a "when" runs in a clone of its frame; a table's &default
# is evaluated once, and handed out itself where it is a literal, else
# cloned (TableVal::Default).
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type color: enum { RED, GREEN };
type R: record { n: count; };

global g = 7;
global gc: count;
global dflt = 7;
global by_name: table[count] of count &default=dflt;
global by_literal: table[count] of count &default=0;
global ga: any;

function f(p: count, q: count): bool
	{
	return same_object(p, q);
	}

function ret_global(): count
	{
	return g;
	}

function ident(x: count): count
	{
	return x;
	}

event e(a: count, b: count)
	{
	print "event args", same_object(a, b);
	}

event bro_init()
	{
	local a = 5;
	local b = a;
	print "count", same_object(a, b), same_object(5, 5), same_object(a, 5);
	local x = a + 0;
	local y = x;
	print "sum", same_object(x, y), same_object(x, a), same_object(x, x), same_object(a + 0, a + 0);
	local i1 = -3;
	local i2 = i1;
	print "int", same_object(i1, i2), same_object(i1, -3);
	local d1 = 1.5;
	local d2 = d1;
	print "double", same_object(d1, d2), same_object(1.5, 1.5);
	local t1 = current_time();
	local t2 = t1;
	print "time", same_object(t1, t2), same_object(current_time(), current_time());
	local v1 = 3sec;
	local v2 = v1;
	print "interval", same_object(v1, v2), same_object(3sec, 3sec);
	local b1 = T;
	local b2 = b1;
	print "bool", same_object(b1, b2), same_object(T, T);
	local c1 = RED;
	local c2 = c1;
	print "enum", same_object(c1, c2), same_object(RED, RED), same_object(c1, RED);
	local p1 = 80/tcp;
	local p2 = p1;
	print "port", same_object(p1, p2), same_object(80/tcp, 80/tcp);

	print "arguments", f(x, x), f(x, y), f(x + 0, x + 0);
	gc = x;
	print "global", same_object(gc, x), same_object(g, g), same_object(ret_global(), g);
	print "returned", same_object(ident(x), x), same_object(ident(x + 0), x);

	local r = R($n = x);
	local tab: table[count] of count = { [1] = x };
	local vec = vector(x);
	local any_x: any = x;
	print "stored", same_object(r$n, x), same_object(tab[1], x), same_object(vec[0], x), same_object(any_x, x);
	vec += y;
	tab[2] = y;
	print "stored later", same_object(vec[1], x), same_object(tab[2], y);

	local keys: set[count] = { x };
	for ( k in keys )
		print "set key", same_object(k, x);

	local dbl: double = x;
	local int_x: int = x;
	print "new values", same_object(copy(x), x), same_object(dbl, x), same_object(int_x, x);

	local i3: int = -1;
	local v3: vector of count = vector();
	v3 += i3;
	local d3 = 2.5;
	local d4 = +d3;
	print "operators", same_object(+a, a), same_object(|a|, a), same_object(v3[0], i3), same_object(d4, d3);
	print "fields", same_object(r$n, r$n), same_object(r$n, x);
	local r2 = R($n = x + 0);
	local y2 = r2$n;
	print "field copied", same_object(y2, r2$n), same_object(r2$n, r2$n);

	print "defaults", by_name[1], by_literal[1];
	dflt = 8;
	print "default once", by_name[2], same_object(by_name[1], by_name[2]), same_object(by_name[1], dflt), same_object(by_literal[1], by_literal[2]);

	local held: any = x;
	ga = held;
	when ( T )
		print "when clone", same_object(held, ga), same_object(x, gc);

	event e(x, x);
	}
