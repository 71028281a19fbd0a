##! The cluster framework: a set of Bro processes (nodes) of different
##! types that find each other through Broker and share events, logs and
##! data stores. The nodes are described by :bro:id:`Cluster::nodes`, which
##! a ``cluster-layout.bro`` on the script path defines (BroControl, or
##! ``gobro cluster layout``, writes it); the ``CLUSTER_NODE`` environment
##! variable, or :bro:id:`Cluster::node`, says which of them this process
##! is.

@load base/frameworks/control
@load base/frameworks/broker

module Cluster;

export {
	## Whether log writes are spread over the loggers in turn (rather
	## than sent to all of them).
	const enable_round_robin_logging = T &redef;

	## The topic of messages for logger nodes.
	const logger_topic = "bro/cluster/logger" &redef;

	## The topic of messages for manager nodes.
	const manager_topic = "bro/cluster/manager" &redef;

	## The topic of messages for proxy nodes.
	const proxy_topic = "bro/cluster/proxy" &redef;

	## The topic of messages for worker nodes.
	const worker_topic = "bro/cluster/worker" &redef;

	## The topic of messages for time machine nodes.
	const time_machine_topic = "bro/cluster/time_machine" &redef;

	## The prefix of the topics of single nodes, by name.
	const node_topic_prefix = "bro/cluster/node/" &redef;

	## The prefix of the topics of single nodes, by Broker node id.
	const nodeid_topic_prefix = "bro/cluster/nodeid/" &redef;

	## The node that holds the master of a data store when
	## :bro:see:`Cluster::stores` names none; empty means the manager.
	const default_master_node = "" &redef;

	## The backend of data stores that :bro:see:`Cluster::stores` does
	## not configure.
	const default_backend = Broker::MEMORY &redef;

	## The backend of persistent data stores (see
	## :bro:see:`Cluster::create_store`) that :bro:see:`Cluster::stores`
	## does not configure.
	const default_persistent_backend = Broker::SQLITE &redef;

	## When set, persistent stores without a path of their own keep their
	## data under this directory, in a file named after the store.
	const default_store_dir = "" &redef;

	## A data store of the cluster.
	type StoreInfo: record {
		## The store's name.
		name: string &optional;
		## Its handle.
		store: opaque of Broker::Store &optional;
		## The node that holds the master.
		master_node: string &default=default_master_node;
		## Whether this node holds the master (or else a clone).
		master: bool &default=F;
		## The backend.
		backend: Broker::BackendType &default=default_backend;
		## The backend's settings.
		options: Broker::BackendOptions &default=Broker::BackendOptions();
		## Passed to :bro:see:`Broker::create_clone`.
		clone_resync_interval: interval &default=Broker::default_clone_resync_interval;
		## Passed to :bro:see:`Broker::create_clone`.
		clone_stale_interval: interval &default=Broker::default_clone_stale_interval;
		## Passed to :bro:see:`Broker::create_clone`.
		clone_mutation_buffer_interval: interval &default=Broker::default_clone_mutation_buffer_interval;
	};

	## The data stores, by name. :bro:see:`Cluster::create_store` fills
	## it; redef an entry to give a store settings of its own before it is
	## created.
	global stores: table[string] of StoreInfo &default=StoreInfo() &redef;

	## Creates the data store *name* for the cluster: the master on its
	## master node, a clone on every other node (or, outside a cluster, a
	## master). With *persistent*, a store that has no persistent backend
	## of its own gets :bro:see:`Cluster::default_persistent_backend`.
	##
	## Returns: the store's information. A clone's handle is there at
	## once, but it answers only once it has reached its master.
	global create_store: function(name: string, persistent: bool &default=F): StoreInfo;

	## The stream of cluster.log.
	redef enum Log::ID += { LOG };

	## The columns of cluster.log.
	type Info: record {
		## When it happened (network time).
		ts:       time;
		## The node that logs it.
		node: string;
		## What happened.
		message:  string;
	} &log;

	## The kinds of node.
	type NodeType: enum {
		## Not a node of a cluster.
		NONE,
		## A node that inspects and configures the others.
		CONTROL,
		## A node that writes the logs.
		LOGGER,
		## The node that runs the cluster's policy.
		MANAGER,
		## A node that relays between workers and keeps shared state.
		PROXY,
		## A node that analyses traffic.
		WORKER,
		## A Time Machine traffic recorder.
		TIME_MACHINE,
	};

	## A node of the cluster.
	type Node: record {
		## Its kind.
		node_type:    NodeType;
		## Its address.
		ip:           addr;
		## The zone of a non-global IPv6 *ip* (:rfc:`4007`).
		zone_id:      string      &default="";
		## The port it listens on for its peers.
		p:            port;
		## The interface a worker reads.
		interface:    string      &optional;
		## The manager of a worker or proxy, by name.
		manager:      string      &optional;
		## The time machine it talks to, by name.
		time_machine: string      &optional;
		## Its Broker node id, while it is connected.
		id: string                &optional;
	};

	## Returns: whether this process is a node of a cluster
	## (:bro:id:`Cluster::node` is set).
	global is_enabled: function(): bool;

	## Returns: this node's kind, :bro:enum:`Cluster::NONE` outside a
	## cluster.
	global local_node_type: function(): NodeType;

	## The number of workers connected to this node.
	global worker_count: count = 0;

	## The cluster's nodes, by name; ``cluster-layout.bro`` defines them.
	const nodes: table[string] of Node = {} &redef;

	## Whether the manager writes the logs, there being no logger.
	const manager_is_logger = T &redef;

	## This process's node, by name.
	const node = getenv("CLUSTER_NODE") &redef;

	## How often to try again to reach a node that cannot be reached.
	## BRO_DEFAULT_CONNECT_RETRY (seconds) overrides it.
	const retry_interval = 1min &redef;

	## Sent by each node to its new peers: its name and its Broker node
	## id (which changes when the node restarts).
	global hello: event(name: string, id: string);

	## Raised here when a node connects, or connects again.
	global node_up: event(name: string, id: string);

	## Raised here when a connected node is lost.
	global node_down: event(name: string, id: string);

	## Writes *msg* to cluster.log.
	global log: function(msg: string);

	## Returns: the topic that reaches only node *name*.
	global node_topic: function(name: string): string;

	## Returns: the topic that reaches only the node with Broker node id
	## *id*.
	global nodeid_topic: function(id: string): string;
}

# The Broker ids of the workers that said hello.
global active_worker_ids: set[string] = set();

# A node with its name.
type NamedNode: record {
	name: string;
	node: Node;
};

# The nodes of one type, in order of their names.
function nodes_with_type(node_type: NodeType): vector of NamedNode
	{
	local names: vector of string = vector();

	for ( name in Cluster::nodes )
		names += name;

	names = sort(names, strcmp);

	local rval: vector of NamedNode = vector();

	for ( i in names )
		{
		local n = Cluster::nodes[names[i]];

		if ( n$node_type == node_type )
			rval += NamedNode($name=names[i], $node=n);
		}

	return rval;
	}

function is_enabled(): bool
	{
	return node != "";
	}

function local_node_type(): NodeType
	{
	if ( ! is_enabled() )
		return NONE;

	return nodes[node]$node_type;
	}

function node_topic(name: string): string
	{
	return node_topic_prefix + name;
	}

function nodeid_topic(id: string): string
	{
	# Bro 2.6 builds these topics on node_topic_prefix, not on
	# nodeid_topic_prefix; nodes of both kinds must agree on it.
	return node_topic_prefix + id;
	}

event Cluster::hello(name: string, id: string) &priority=10
	{
	if ( name !in nodes )
		{
		Reporter::error(fmt("Got Cluster::hello msg from unexpected node: %s", name));
		return;
		}

	local n = nodes[name];

	if ( ! n?$id )
		event Cluster::node_up(name, id);
	else if ( n$id != id )
		Reporter::error(fmt("Got Cluster::hello msg from duplicate node:%s", name));

	n$id = id;
	Cluster::log(fmt("got hello from %s (%s)", name, id));

	if ( n$node_type == WORKER )
		{
		add active_worker_ids[id];
		worker_count = |active_worker_ids|;
		}
	}

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string) &priority=10
	{
	if ( ! Cluster::is_enabled() )
		return;

	Broker::publish(nodeid_topic(endpoint$id),
	                Broker::make_event(Cluster::hello, node, Broker::node_id()));
	}

event Broker::peer_lost(endpoint: Broker::EndpointInfo, msg: string) &priority=10
	{
	for ( name in nodes )
		{
		local n = nodes[name];

		if ( ! n?$id || n$id != endpoint$id )
			next;

		Cluster::log(fmt("node down: %s", name));
		delete n$id;

		if ( n$node_type == WORKER )
			{
			delete active_worker_ids[endpoint$id];
			worker_count = |active_worker_ids|;
			}

		event Cluster::node_down(name, endpoint$id);
		break;
		}
	}

event bro_init() &priority=5
	{
	# A node name that the layout lacks is fatal.
	if ( node != "" && node !in nodes )
		{
		Reporter::error(fmt("'%s' is not a valid node in the Cluster::nodes configuration", node));
		terminate();
		}

	Log::create_stream(Cluster::LOG, [$columns=Info, $path="cluster"]);
	}

function create_store(name: string, persistent: bool &default=F): Cluster::StoreInfo
	{
	local info = stores[name];
	info$name = name;

	if ( Cluster::default_store_dir != "" )
		{
		# Stores without paths of their own go under the directory.
		local defaults = Broker::BackendOptions();
		local path = Cluster::default_store_dir + "/" + name;

		if ( info$options$sqlite$path == defaults$sqlite$path )
			info$options$sqlite$path = path + ".sqlite";

		if ( info$options$rocksdb$path == defaults$rocksdb$path )
			info$options$rocksdb$path = path + ".rocksdb";
		}

	if ( persistent )
		{
		switch ( info$backend ) {
		case Broker::MEMORY:
			info$backend = Cluster::default_persistent_backend;
			break;
		case Broker::SQLITE, Broker::ROCKSDB:
			# Persistent already.
			break;
		default:
			Reporter::error(fmt("unhandled data store type: %s", info$backend));
			break;
		}
		}

	if ( ! Cluster::is_enabled() )
		{
		if ( info?$store )
			{
			Reporter::warning(fmt("duplicate cluster store creation for %s", name));
			return info;
			}

		info$store = Broker::create_master(name, info$backend, info$options);
		info$master = T;
		stores[name] = info;
		return info;
		}

	if ( info$master_node == "" )
		{
		local managers = nodes_with_type(Cluster::MANAGER);

		if ( |managers| == 0 )
			Reporter::fatal(fmt("empty master node name for cluster store '%s', but there's no manager node to default", name));

		info$master_node = managers[0]$name;
		}
	else if ( info$master_node !in Cluster::nodes )
		Reporter::fatal(fmt("master node '%s' for cluster store '%s' does not exist",
		                    info$master_node, name));

	if ( Cluster::node == info$master_node )
		{
		info$store = Broker::create_master(name, info$backend, info$options);
		info$master = T;
		stores[name] = info;
		Cluster::log(fmt("created master store: %s", name));
		return info;
		}

	info$master = F;
	stores[name] = info;
	info$store = Broker::create_clone(info$name,
	                                  info$clone_resync_interval,
	                                  info$clone_stale_interval,
	                                  info$clone_mutation_buffer_interval);
	Cluster::log(fmt("created clone store: %s", info$name));
	return info;
	}

function log(msg: string)
	{
	Log::write(Cluster::LOG, [$ts = network_time(), $node = node, $message = msg]);
	}
