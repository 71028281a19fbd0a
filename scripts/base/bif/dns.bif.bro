##! Declarations of the name lookups of Bro 2.6's bro.bif, implemented in
##! Go under builtins/dns. Each is asynchronous and may only be called in
##! the condition of a ``when``, which waits for the answer:
##! ``when ( local h = lookup_addr(1.2.3.4) ) { print h; }``. With the
##! environment variable BRO_DNS_FAKE set, the answers are Bro's fake ones
##! and no resolver is asked.

## Looks up the name of an address (a reverse lookup). Yields ``"<???>"``
## when the lookup fails.
global lookup_addr: function(host: addr): string;

## Looks up the addresses of a host name (A and AAAA records). Yields a
## set holding 0.0.0.0 when the lookup fails.
global lookup_hostname: function(host: string): addr_set;

## Looks up the TXT record of a host name. Yields ``"<???>"`` when the
## lookup fails.
global lookup_hostname_txt: function(host: string): string;
