##! The core declarations every script sees, loaded first of all.

## Raised once, after all scripts are loaded, before anything else runs.
global bro_init: event();

## Raised once, as the process ends.
global bro_done: event();

## A vector of strings.
type string_vec: vector of string;

## A vector of counts, used as indices or address words.
type index_vec: vector of count;

## A vector of addresses.
type addr_vec: vector of addr;

## A table of strings indexed by position, as the split functions return.
type string_array: table[count] of string;

## A set of strings.
type string_set: set[string];

## A transport-layer protocol, as ports carry it.
type transport_proto: enum {
	unknown_transport,	##< Unknown or none.
	tcp,	##< TCP.
	udp,	##< UDP.
	icmp,	##< ICMP.
};

@load base/bif/bro.bif
@load base/bif/strings.bif
