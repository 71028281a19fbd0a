# Name lookups with BRO_DNS_FAKE set: no resolver is asked, and the
# answers are Bro 2.6's fake ones, given at once to the "when" that waits
# (it runs once the event queue has drained, after "when"s that were due
# before it). A lookup outside a "when" condition is an error.
# @TEST-EXEC: cp %INPUT t.bro && BRO_DNS_FAKE=1 bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

function name_of(a: addr): string
	{
	return when ( local n = lookup_addr(a) )
		{
		return n;
		}
	}

event bro_init()
	{
	when ( local n = lookup_addr(1.2.3.4) )
		{
		print "lookup_addr", n;
		}
	when ( local n6 = lookup_addr([2001:db8::1]) )
		{
		print "lookup_addr v6", n6;
		}
	when ( local via = name_of(10.0.0.1) )
		{
		print "through return when", via;
		}
	when ( local h = lookup_hostname("www.bro.org") )
		{
		print "lookup_hostname", h;
		}
	when ( local t = lookup_hostname_txt("www.bro.org") )
		{
		print "lookup_hostname_txt", t;
		}
	timeout 1sec
		{
		print "not reached";
		}
	print lookup_hostname_txt("outside");
	print "bro_init ends";
	}
