##! Broker communication: endpoints that listen and peer, topics that
##! carry events, identifiers and log writes between them, and the options
##! that tune it. gobro carries Broker's messages over ZeroMQ; the script
##! API and its defaults are Bro 2.6's.

module Broker;

export {
	## The port an endpoint listens on and peers to when none is given.
	const default_port = 9999/tcp &redef;

	## How long to wait before trying again to listen on a port that is
	## taken. The environment variable BRO_DEFAULT_LISTEN_RETRY (in
	## seconds) overrides it, and any value given to
	## :bro:see:`Broker::listen`.
	const default_listen_retry = 30sec &redef;

	## The address to listen on when none is given: the environment
	## variable BRO_DEFAULT_LISTEN_ADDRESS, or all addresses when unset.
	const default_listen_address = getenv("BRO_DEFAULT_LISTEN_ADDRESS") &redef;

	## How long to wait before trying again to reach a peer that could
	## not be reached. The environment variable BRO_DEFAULT_CONNECT_RETRY
	## (in seconds) overrides it, and any value given to
	## :bro:see:`Broker::peer`.
	const default_connect_retry = 30sec &redef;

	## Accepted for Bro 2.6's scripts. gobro secures its links with
	## ZeroMQ CURVE (:bro:see:`Broker::curve_secret_key`), not SSL.
	const disable_ssl = F &redef;

	## Accepted for Bro 2.6's scripts; see :bro:see:`Broker::disable_ssl`.
	const ssl_cafile = "" &redef;

	## Accepted for Bro 2.6's scripts; see :bro:see:`Broker::disable_ssl`.
	const ssl_capath = "" &redef;

	## Accepted for Bro 2.6's scripts; see :bro:see:`Broker::disable_ssl`.
	const ssl_certificate = "" &redef;

	## Accepted for Bro 2.6's scripts; see :bro:see:`Broker::disable_ssl`.
	const ssl_passphrase = "" &redef;

	## Accepted for Bro 2.6's scripts; see :bro:see:`Broker::disable_ssl`.
	const ssl_keyfile = "" &redef;

	## This endpoint's CURVE secret key (40 characters of Z85). With
	## :bro:see:`Broker::curve_public_key` set too, every peering is
	## encrypted and both ends authenticate each other.
	const curve_secret_key = "" &redef;

	## This endpoint's CURVE public key (40 characters of Z85).
	const curve_public_key = "" &redef;

	## The CURVE public keys of the endpoints allowed to peer with this
	## one. Peers presenting any other key are refused and reported
	## through :bro:see:`Broker::error`.
	const curve_authorized_keys: set[string] = {} &redef;

	## Tuning knobs of Bro 2.6's Broker; accepted, without effect here.
	const congestion_queue_size = 200 &redef;
	## Accepted, without effect here.
	const max_threads = 1 &redef;
	## Accepted, without effect here.
	const moderate_sleep = 16 msec &redef;
	## Accepted, without effect here.
	const relaxed_sleep = 64 msec &redef;
	## Accepted, without effect here.
	const aggressive_polls = 5 &redef;
	## Accepted, without effect here.
	const moderate_polls = 5 &redef;
	## Accepted, without effect here.
	const aggressive_interval = 4 &redef;
	## Accepted, without effect here.
	const moderate_interval = 2 &redef;
	## Accepted, without effect here.
	const relaxed_interval = 1 &redef;

	## The number of messages a peer may have waiting to be sent before
	## publishing blocks until the peer takes some (back-pressure rather
	## than loss).
	const peer_buffer_size = 100000 &redef;

	## How long a peer may refuse to take messages while its buffer is
	## full before it is given up (reported, counted, and peered again).
	const peer_give_up_after = 30sec &redef;

	## Relay the messages received to the other peers that subscribe to
	## their topics.
	const forward_messages = F &redef;

	## The topic prefix that log writes are published under; the stream's
	## name follows it.
	const default_log_topic_prefix = "bro/logs/" &redef;

	## The default :bro:see:`Broker::log_topic`: the prefix and the stream.
	function default_log_topic(id: Log::ID, path: string): string
		{
		return default_log_topic_prefix + cat(id);
		}

	## Chooses the topic a log write for stream *id* and *path* is
	## published under.
	const log_topic: function(id: Log::ID, path: string): string = default_log_topic &redef;

	## What went wrong, in :bro:see:`Broker::error`.
	type ErrorCode: enum {
		## No more specific code applies.
		UNSPECIFIED = 1,
		## The peer speaks another version of the protocol.
		PEER_INCOMPATIBLE = 2,
		## There is no such peer.
		PEER_INVALID = 3,
		## Nobody listens where the peer was to be.
		PEER_UNAVAILABLE = 4,
		## Peering took too long.
		PEER_TIMEOUT = 5,
		## A master store of that name exists already.
		MASTER_EXISTS = 6,
		## There is no master store of that name.
		NO_SUCH_MASTER = 7,
		## The store has no such key.
		NO_SUCH_KEY = 8,
		## A store request took too long.
		REQUEST_TIMEOUT = 9,
		## The value has another type than the operation needs.
		TYPE_CLASH = 10,
		## The value cannot be used for the operation.
		INVALID_DATA = 11,
		## The store's backend failed.
		BACKEND_FAILURE = 12,
		## A clone's data is too old to be used.
		STALE_DATA = 13,
		## A problem below the messaging layer.
		CAF_ERROR = 100
	};

	## Where a peering stands.
	type PeerStatus: enum {
		## Peering has been asked for.
		INITIALIZING,
		## The connection is being made.
		CONNECTING,
		## Connected, the handshake still to come.
		CONNECTED,
		## Peered.
		PEERED,
		## The connection was lost.
		DISCONNECTED,
		## Connecting again after a loss.
		RECONNECTING,
	};

	## Where an endpoint is on the network.
	type NetworkInfo: record {
		## Its address or host name.
		address: string &log;
		## Its port.
		bound_port: port &log;
	};

	## An endpoint.
	type EndpointInfo: record {
		## The endpoint's unique identifier.
		id: string;
		## Where it is, when known.
		network: NetworkInfo &optional;
	};

	## A peer and where its peering stands.
	type PeerInfo: record {
		peer: EndpointInfo;
		status: PeerStatus;
	};

	## A list of peers.
	type PeerInfos: vector of PeerInfo;

	## Counters of one peering (gobro's own; Bro 2.6 has none).
	type PeerStats: record {
		## The peer.
		peer: EndpointInfo;
		## Messages received from it and sent to it.
		msgs_in: count;
		msgs_out: count;
		## Bytes received from it and sent to it.
		bytes_in: count;
		bytes_out: count;
		## Messages waiting to be sent to it.
		queue_depth: count;
		## How often it was given up because it did not keep up.
		drops: count;
		## Malformed frames received from it and dropped.
		bad_frames: count;
	};

	## A value that Broker carries, kept opaque.
	type Data: record {
		data: opaque of Broker::Data &optional;
	};

	## A list of Broker values.
	type DataVector: vector of Broker::Data;

	## An event with its arguments, ready to be published.
	type Event: record {
		## The event's name; unset when the event or its arguments
		## were not valid.
		name: string &optional;
		## The arguments.
		args: DataVector;
	};

	## A key and its value in a Broker table.
	type TableItem : record {
		key: Broker::Data;
		val: Broker::Data;
	};

	## Listens for peers on address *a* (all addresses if empty) and
	## port *p* (a free port if 0/tcp). If the port cannot be had, tries
	## again every *retry* unless it is 0secs; BRO_DEFAULT_LISTEN_RETRY
	## overrides *retry*.
	##
	## Returns: the port listened on, or 0/tcp on failure.
	global listen: function(a: string &default = default_listen_address,
	                        p: port &default = default_port,
	                        retry: interval &default = default_listen_retry): port;

	## Peers with the endpoint at address *a*, port *p*, trying again
	## every *retry* until it is reached (BRO_DEFAULT_CONNECT_RETRY
	## overrides *retry*). A peer that is lost later is peered again as
	## soon as it is back.
	##
	## Returns: true; the peering itself is reported later by
	## :bro:see:`Broker::peer_added`.
	global peer: function(a: string, p: port &default=default_port,
	                      retry: interval &default=default_connect_retry): bool;

	## Ends the peering made by :bro:see:`Broker::peer` with *a* and *p*.
	##
	## Returns: true if *p* is a TCP port.
	global unpeer: function(a: string, p: port): bool;

	## Returns: the peers and their status.
	global peers: function(): vector of PeerInfo;

	## Returns: the counters of each peering (gobro's own).
	global peer_stats: function(): vector of PeerStats;

	## Returns: this endpoint's unique identifier.
	global node_id: function(): string;

	## Sends the log writes waiting in batches now rather than later.
	##
	## Returns: how many were sent.
	global flush_logs: function(): count;

	## Publishes the value of global *id* under *topic*; subscribers set
	## their own global of that name to it.
	##
	## Returns: true if the message is sent.
	global publish_id: function(topic: string, id: string): bool;

	## Subscribes to every topic that starts with *topic_prefix* ("" is
	## every topic).
	##
	## Returns: true.
	global subscribe: function(topic_prefix: string): bool;

	## Takes back a subscription made by :bro:see:`Broker::subscribe`
	## or :bro:see:`Broker::forward`.
	##
	## Returns: true.
	global unsubscribe: function(topic_prefix: string): bool;

	## Subscribes to *topic_prefix* only to pass its messages on to the
	## peers subscribed to them: they raise no event here.
	##
	## Returns: true if the prefix was not forwarded already.
	global forward: function(topic_prefix: string): bool;

	## Publishes event *ev* under *topic* each time it is raised here.
	##
	## Returns: true if *ev* is an event.
	global auto_publish: function(topic: string, ev: any): bool;

	## Stops what :bro:see:`Broker::auto_publish` started for *topic*
	## and *ev*.
	##
	## Returns: true if *ev* is an event.
	global auto_unpublish: function(topic: string, ev: any): bool;
}

@load base/bif/comm.bif
@load base/bif/messaging.bif

module Broker;

event retry_listen(a: string, p: port, retry: interval)
	{
	listen(a, p, retry);
	}

function listen(a: string, p: port, retry: interval): port
	{
	local bound = __listen(a, p);

	if ( bound == 0/tcp )
		{
		local e = getenv("BRO_DEFAULT_LISTEN_RETRY");

		if ( e != "" )
			retry = double_to_interval(to_double(e));

		if ( retry != 0secs )
			schedule retry { retry_listen(a, p, retry) };
		}

	return bound;
	}

function peer(a: string, p: port, retry: interval): bool
	{
	return __peer(a, p, retry);
	}

function unpeer(a: string, p: port): bool
	{
	return __unpeer(a, p);
	}

function peers(): vector of PeerInfo
	{
	return __peers();
	}

function peer_stats(): vector of PeerStats
	{
	return __peer_stats();
	}

function node_id(): string
	{
	return __node_id();
	}

function flush_logs(): count
	{
	return __flush_logs();
	}

function publish_id(topic: string, id: string): bool
	{
	return __publish_id(topic, id);
	}

function subscribe(topic_prefix: string): bool
	{
	return __subscribe(topic_prefix);
	}

function forward(topic_prefix: string): bool
	{
	return __forward(topic_prefix);
	}

function unsubscribe(topic_prefix: string): bool
	{
	return __unsubscribe(topic_prefix);
	}

function auto_publish(topic: string, ev: any): bool
	{
	return __auto_publish(topic, ev);
	}

function auto_unpublish(topic: string, ev: any): bool
	{
	return __auto_unpublish(topic, ev);
	}
