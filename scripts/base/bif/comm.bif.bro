##! The builtins and events behind Broker's peering API (Bro 2.6's
##! comm.bif). The types they use are declared in
##! base/frameworks/broker/main.bro.

module Broker;

export {
	## Raised when something changes in the Broker subsystem that no more
	## specific event reports.
	global Broker::status: event(endpoint: EndpointInfo, msg: string);

	## Raised when a peering is established.
	global Broker::peer_added: event(endpoint: EndpointInfo, msg: string);

	## Raised when a peering is ended by either side.
	global Broker::peer_removed: event(endpoint: EndpointInfo, msg: string);

	## Raised when a peer is lost: its process ended, or the network
	## between the two failed.
	global Broker::peer_lost: event(endpoint: EndpointInfo, msg: string);

	## Raised when an error occurs in the Broker subsystem.
	global Broker::error: event(code: ErrorCode, msg: string);

	global Broker::__listen: function(a: string, p: port): port;
	global Broker::__peer: function(a: string, p: port, retry: interval): bool;
	global Broker::__unpeer: function(a: string, p: port): bool;
	global Broker::__peers: function(): PeerInfos;
	global Broker::__peer_stats: function(): vector of PeerStats;
	global Broker::__node_id: function(): string;
}

module GLOBAL;
