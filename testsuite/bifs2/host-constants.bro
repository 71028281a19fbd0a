# A host name in an expression is a set[addr] constant, resolved while
# the script is read; with BRO_DNS_FAKE set, the answer is Bro's fake one
# (the IPv6 address made of the MD5 digest of the name). Numbers with a
# dot stay numbers.
# @TEST-EXEC: cp %INPUT t.bro && BRO_DNS_FAKE=1 bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

global bro_site = www.bro.org;

event bro_init()
	{
	print type_name(bro_site), |bro_site|;
	for ( a in bro_site )
		print a;
	local s: set[addr] = google.com;
	for ( a in s )
		print a, a in google.com, a in bro_site;
	print 1.5, 1.2.3.4, 10.0.0.0/8;
	}
