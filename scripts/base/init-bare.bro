##! The core declarations every script sees, loaded first of all.

## Raised once, after all scripts are loaded, before anything else runs.
global bro_init: event();

## Raised once, as the process ends.
global bro_done: event();

## A vector of counts, as bifs hand out lists of indices.
type index_vec: vector of count;

## A vector of strings.
type string_vec: vector of string;

## A vector of subnets.
type subnet_vec: vector of subnet;

## A set of addresses.
type addr_set: set[addr];

## A table of strings indexed by strings.
type table_string_of_string: table[string] of string;

## The sizes of global variables in bytes, by name, as global_sizes gives
## them.
type var_sizes: table[string] of count;

## What global_ids tells of one global identifier.
type script_id: record {
	type_name: string;	##< The kind of the identifier's type.
	exported: bool;	##< True if the identifier is exported.
	constant: bool;	##< True if the identifier is a constant.
	enum_constant: bool;	##< True if the identifier is an enum value.
	option_value: bool;	##< True if the identifier is an option.
	redefinable: bool;	##< True if the identifier is declared &redef.
	value: any &optional;	##< The identifier's value, if it has one.
};

## Global identifiers by name, as global_ids gives them.
type id_table: table[string] of script_id;

## What record_fields tells of one record field.
type record_field: record {
	type_name: string;	##< The name of the field's type.
	log: bool;	##< True if the field is declared &log.
	value: any &optional;	##< The field's value, if set.
	default_val: any &optional;	##< The field's &default, if any.
};

## Record fields by name, as record_fields gives them.
type record_field_table: table[string] of record_field;

## Packet counters, as get_net_stats returns them.
type NetStats: record {
	pkts_recvd:   count &default=0;	##< Packets received.
	pkts_dropped: count &default=0;	##< Packets dropped.
	pkts_link:    count &default=0;	##< Packets seen on the link.
	bytes_recvd:  count &default=0;	##< Bytes received.
};

@load base/bif/env.bif
@load base/bif/containers.bif
@load base/bif/option.bif

## If true, the process runs until terminate() is called (or a signal
## arrives) instead of ending once it has nothing left to do.
const exit_only_after_terminate = F &redef;

## Whether to warn at start-up of each event that has handlers but that
## nothing raises.
const check_for_unused_event_handlers = F &redef;

## How many timers one pass of the main loop fires at most; the others
## wait for the next pass.
const max_timer_expires = 300 &redef;

## How often a table with expiring entries is checked for expired ones.
const table_expire_interval = 10 secs &redef;

## How many entries of a table one expiry check looks at.
const table_incremental_step = 5000 &redef;

## How long to wait before the next step of an expiry check that did not
## get through the whole table.
const table_expire_delay = 0.01 secs &redef;

module Reporter;

export {
	## Whether informational messages also go to stderr.
	const info_to_stderr = T &redef;

	## Whether warnings also go to stderr.
	const warnings_to_stderr = T &redef;

	## Whether errors also go to stderr.
	const errors_to_stderr = T &redef;
}

module GLOBAL;

@load base/bif/process.bif

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

## The parameters of str_smith_waterman.
type sw_params: record {
	## The shortest common substring reported.
	min_strlen: count &default = 3;

	## 0 reports the best alignment only; 1 reports every common
	## substring not contained in a longer one.
	sw_variant: count &default = 0;
};

## Where a common substring found by str_smith_waterman lies in one of
## the two input strings.
type sw_align: record {
	str: string;	##< The input string.
	index: count;	##< The offset of the substring in it.
};

## The places of one common substring, as str_smith_waterman lists them
## (from index 1).
type sw_align_vec: vector of sw_align;

## One common substring found by str_smith_waterman.
type sw_substring: record {
	str: string;	##< The substring.
	aligns: sw_align_vec;	##< Where it lies in the first and second input.
	new: bool;	##< Whether it opens an alignment.
};

## The result of str_smith_waterman (from index 1).
type sw_substring_vec: vector of sw_substring;

## The identifier of a peer of the old communication system.
type peer_id: count;

## A peer of the old communication system, as its deprecated functions
## take and return it.
type event_peer: record {
	id: peer_id;	##< The peer's identifier (0 for this process).
	host: addr;	##< Its address.
	p: port;	##< Its port.
	is_local: bool;	##< True for this process itself.
	descr: string;	##< Its peer_description.
	class: string &optional;	##< Its class, if it gave one.
};

## How this process describes itself to peers.
const peer_description = "bro" &redef;


## Whether a script may call the deprecated functions of the old
## communication system; if not, such a call stops the process at start.
const old_comm_usage_is_ok = F &redef;

@load base/bif/bro.bif
@load base/bif/dns.bif
@load base/bif/strings.bif

## The identity of a connection: its endpoints' addresses and ports.
type conn_id: record {
	orig_h: addr &log;	##< The originator's address.
	orig_p: port &log;	##< The originator's port.
	resp_h: addr &log;	##< The responder's address.
	resp_p: port &log;	##< The responder's port.
};

@load base/bif/types.bif

module Tunnel;

export {
	## One level of encapsulation around a tunnelled connection.
	type EncapsulatingConn: record {
		## The addresses and ports of the outer connection (ports are
		## 0 for IP in IP); orig and resp follow the first packet
		## seen in the tunnel.
		cid: conn_id;
		## What kind of tunnel it is.
		tunnel_type: Tunnel::Type;
		## The uid of the outer connection, for tunnels other than IP
		## in IP.
		uid: string &optional;
	} &log;
}

module GLOBAL;

## The encapsulations of a connection, outermost first.
type EncapsulatingConnVector: vector of Tunnel::EncapsulatingConn;

## What one side of a connection has sent.
type endpoint: record {
	## How much data the endpoint sent (for TCP, from sequence numbers).
	size: count;
	## The endpoint's state: one of the TCP_* constants for TCP, one of
	## the UDP_* constants for UDP.
	state: count;
	## Packets sent, where the size analyzer counts them.
	num_pkts: count &optional;
	## IP-level bytes sent, where the size analyzer counts them.
	num_bytes_ip: count &optional;
	## The IPv6 flow label in use; 0 over IPv4.
	flow_label: count;
	## The endpoint's link-layer address, when known.
	l2_addr: string &optional;
};

## A connection (for UDP and ICMP, a flow): Bro's basic record for a
## conversation between two endpoints.
type connection: record {
	id: conn_id;	##< The addresses and ports.
	orig: endpoint;	##< The originator's side.
	resp: endpoint;	##< The responder's side.
	start_time: time;	##< When the first packet was seen.
	## How long the conversation lasted, roughly from its first to its
	## last data packet.
	duration: interval;
	## The protocols that analyzers confirmed on the connection.
	service: set[string];
	history: string;	##< The connection's state history.
	## An identifier for the connection, unique with high probability
	## across runs.
	uid: string;
	## The encapsulations the connection was found in, outermost first.
	tunnel: EncapsulatingConnVector &optional;
	vlan: int &optional;	##< The outer VLAN tag, if any.
	inner_vlan: int &optional;	##< The inner VLAN tag, if any.
};

@load base/bif/logging.types
