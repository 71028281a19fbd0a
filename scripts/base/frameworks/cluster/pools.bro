##! Pools: sets of cluster nodes of one type over which work is spread,
##! by rendezvous hashing of a key (:bro:see:`Cluster::publish_hrw`) or in
##! turn (:bro:see:`Cluster::publish_rr`). Nodes leave a pool when they go
##! down and rejoin it when they come back.

@load ./main
@load base/utils/hash_hrw

module Cluster;

export {
	## A node as a pool member.
	type PoolNode: record {
		## The node's name.
		name: string;
		## The name hashed to make *site_id*.
		alias: string;
		## The node's place in the pool's rendezvous hashing.
		site_id: count;
		## Whether the node is up.
		alive: bool &default=F;
	};

	## What a pool is made of.
	type PoolSpec: record {
		## The topic the pool's members subscribe to.
		topic: string &default = "";
		## The kind of node the pool takes.
		node_type: Cluster::NodeType &default = Cluster::PROXY;
		## At most this many nodes (all of the type when unset).
		max_nodes: count &optional;
		## Whether the pool's nodes belong to no other exclusive pool
		## (needs *max_nodes*).
		exclusive: bool &default = F;
	};

	## Pool members by name.
	type PoolNodeTable: table[string] of PoolNode;
	## The next member to take, per round-robin key.
	type RoundRobinTable: table[string] of int;

	## A pool of nodes.
	type Pool: record {
		## What it was made from.
		spec: PoolSpec &default = PoolSpec();
		## Its members, by name.
		nodes: PoolNodeTable &default = PoolNodeTable();
		## Its members in the order they joined.
		node_list: vector of PoolNode &default = vector();
		## The rendezvous hashing state of the members that are up.
		hrw_pool: HashHRW::Pool &default = HashHRW::Pool();
		## Round-robin positions, per key.
		rr_key_seq: RoundRobinTable &default = RoundRobinTable();
		## How many members are up.
		alive_count: count &default = 0;
	};

	## The spec of :bro:see:`Cluster::proxy_pool`.
	global proxy_pool_spec: PoolSpec =
		PoolSpec($topic = "bro/cluster/pool/proxy",
		         $node_type = Cluster::PROXY) &redef;

	## The spec of :bro:see:`Cluster::worker_pool`.
	global worker_pool_spec: PoolSpec =
		PoolSpec($topic = "bro/cluster/pool/worker",
		         $node_type = Cluster::WORKER) &redef;

	## The spec of :bro:see:`Cluster::logger_pool`.
	global logger_pool_spec: PoolSpec =
		PoolSpec($topic = "bro/cluster/pool/logger",
		         $node_type = Cluster::LOGGER) &redef;

	## All proxies.
	global proxy_pool: Pool;

	## All workers.
	global worker_pool: Pool;

	## All loggers (and the manager, when it is the logger).
	global logger_pool: Pool;

	## Makes a pool; call it in a bro_init of priority above -5, before
	## nodes are assigned to pools.
	##
	## Returns: the pool.
	global register_pool: function(spec: PoolSpec): Pool;

	## Returns: the topic of the live member of *pool* that *key* hashes
	## to, "" if no member is up.
	global hrw_topic: function(pool: Pool, key: any): string;

	## Returns: the topic of the next live member of *pool* for *key*, ""
	## if no member is up.
	global rr_topic: function(pool: Pool, key: string &default=""): string;

	## A :bro:see:`Broker::log_topic` that sends each log write to the
	## next logger in turn.
	global rr_log_topic: function(id: Log::ID, path: string): string;

	## Publishes an event to the member of *pool* that *key* hashes to:
	## an event made by :bro:see:`Broker::make_event`, or an event and its
	## arguments.
	##
	## Returns: true if it was sent (a member is up).
	global publish_hrw: function(pool: Pool, key: any, va_args: any): bool;

	## Publishes an event to the next member of *pool* for *key*, as
	## :bro:see:`Cluster::publish_hrw` does.
	##
	## Returns: true if it was sent (a member is up).
	global publish_rr: function(pool: Pool, key: string, va_args: any): bool;
}

global init_pool_node: function(pool: Pool, name: string): bool;
global mark_pool_node_alive: function(pool: Pool, name: string): bool;
global mark_pool_node_dead: function(pool: Pool, name: string): bool;

# Every pool, in topic order once the nodes are assigned.
global registered_pools: vector of Pool = vector();

function register_pool(spec: PoolSpec): Pool
	{
	local rval = Pool($spec = spec);
	registered_pools += rval;
	return rval;
	}

function hrw_topic(pool: Pool, key: any): string
	{
	if ( |pool$hrw_pool$sites| == 0 )
		return "";

	local site = HashHRW::get_site(pool$hrw_pool, key);
	local pn: PoolNode = site$user_data;
	return node_topic_prefix + pn$name;
	}

function rr_topic(pool: Pool, key: string): string
	{
	if ( key !in pool$rr_key_seq )
		pool$rr_key_seq[key] = 0;

	local next_idx = pool$rr_key_seq[key];

	if ( next_idx >= |pool$node_list| )
		return "";

	# Take the next live member, once round at most.
	local start = next_idx;
	local rval = "";

	while ( T )
		{
		local pn = pool$node_list[next_idx];

		++next_idx;

		if ( next_idx == |pool$node_list| )
			next_idx = 0;

		if ( pn$alive )
			{
			rval = node_topic_prefix + pn$name;
			break;
			}

		if ( next_idx == start )
			break;
		}

	pool$rr_key_seq[key] = next_idx;
	return rval;
	}

function rr_log_topic(id: Log::ID, path: string): string
	{
	local rval = rr_topic(logger_pool, "Cluster::rr_log_topic");

	if ( rval == "" )
		# No logger is up: the default topic, for whoever subscribes.
		rval = Broker::default_log_topic(id, path);

	return rval;
	}

event Cluster::node_up(name: string, id: string) &priority=10
	{
	for ( i in registered_pools )
		{
		local pool = registered_pools[i];

		if ( name in pool$nodes )
			mark_pool_node_alive(pool, name);
		}
	}

event Cluster::node_down(name: string, id: string) &priority=10
	{
	for ( i in registered_pools )
		{
		local pool = registered_pools[i];

		if ( name in pool$nodes )
			mark_pool_node_dead(pool, name);
		}
	}

# Whether a member of the pool has this site id.
function site_id_in_pool(pool: Pool, site_id: count): bool
	{
	for ( i in pool$nodes )
		{
		if ( pool$nodes[i]$site_id == site_id )
			return T;
		}

	return F;
	}

function init_pool_node(pool: Pool, name: string): bool
	{
	if ( name in pool$nodes )
		return F;

	# The site id is the hash of name.N for the first N whose hash no
	# member has yet: collisions are unlikely, but possible.
	local c = 0;

	while ( T )
		{
		local alias = name + fmt(".%s", c);
		local site_id = fnv1a32(alias);

		if ( ! site_id_in_pool(pool, site_id) )
			break;

		++c;
		}

	local pn = PoolNode($name=name, $alias=alias, $site_id=site_id,
	                    $alive=Cluster::node == name);
	pool$nodes[name] = pn;
	pool$node_list += pn;

	if ( pn$alive )
		++pool$alive_count;

	return T;
	}

function mark_pool_node_alive(pool: Pool, name: string): bool
	{
	if ( name !in pool$nodes )
		return F;

	local pn = pool$nodes[name];

	if ( ! pn$alive )
		{
		pn$alive = T;
		++pool$alive_count;
		}

	HashHRW::add_site(pool$hrw_pool, HashHRW::Site($id=pn$site_id, $user_data=pn));
	return T;
	}

function mark_pool_node_dead(pool: Pool, name: string): bool
	{
	if ( name !in pool$nodes )
		return F;

	local pn = pool$nodes[name];

	if ( pn$alive )
		{
		pn$alive = F;
		--pool$alive_count;
		}

	HashHRW::rem_site(pool$hrw_pool, HashHRW::Site($id=pn$site_id, $user_data=pn));
	return T;
	}

event bro_init()
	{
	worker_pool = register_pool(worker_pool_spec);
	proxy_pool = register_pool(proxy_pool_spec);
	logger_pool = register_pool(logger_pool_spec);
	}

# The nodes of one type still to be given to pools.
type PoolEligibilityTracking: record {
	eligible_nodes: vector of NamedNode &default = vector();
	next_idx: count &default = 0;
	excluded: count &default = 0;
};

global pool_eligibility: table[Cluster::NodeType] of PoolEligibilityTracking = table();

function pool_sorter(a: Pool, b: Pool): int
	{
	return strcmp(a$spec$topic, b$spec$topic);
	}

# Assigns nodes to pools: the exclusive pools take their nodes first,
# then the others share what is left in turn. It runs before the
# bro_init of setup-connections, which subscribes to the pools' topics.
event bro_init() &priority=-5
	{
	if ( ! Cluster::is_enabled() )
		return;

	# In topic order, so that the assignment does not depend on the
	# order in which scripts registered their pools.
	sort(registered_pools, pool_sorter);

	pool_eligibility[Cluster::WORKER] =
		PoolEligibilityTracking($eligible_nodes = nodes_with_type(Cluster::WORKER));
	pool_eligibility[Cluster::PROXY] =
		PoolEligibilityTracking($eligible_nodes = nodes_with_type(Cluster::PROXY));
	pool_eligibility[Cluster::LOGGER] =
		PoolEligibilityTracking($eligible_nodes = nodes_with_type(Cluster::LOGGER));

	if ( manager_is_logger )
		{
		local mgr = nodes_with_type(Cluster::MANAGER);

		if ( |mgr| > 0 )
			{
			local eln = pool_eligibility[Cluster::LOGGER]$eligible_nodes;
			eln += mgr[0];
			}
		}

	local pool: Pool;
	local pet: PoolEligibilityTracking;

	for ( i in registered_pools )
		{
		pool = registered_pools[i];

		if ( pool$spec$node_type !in pool_eligibility )
			Reporter::fatal(fmt("invalid pool node type: %s", pool$spec$node_type));

		if ( ! pool$spec$exclusive )
			next;

		if ( ! pool$spec?$max_nodes )
			Reporter::fatal("Cluster::PoolSpec 'max_nodes' field must be set when using the 'exclusive' flag");

		pet = pool_eligibility[pool$spec$node_type];
		pet$excluded += pool$spec$max_nodes;
		}

	for ( nt in pool_eligibility )
		{
		pet = pool_eligibility[nt];

		if ( pet$excluded > |pet$eligible_nodes| )
			Reporter::fatal(fmt("not enough %s nodes to satisfy pool exclusivity requirements: need %d nodes", nt, pet$excluded));
		}

	for ( i in registered_pools )
		{
		pool = registered_pools[i];

		if ( ! pool$spec$exclusive )
			next;

		# An exclusive pool takes the first of the nodes left.
		pet = pool_eligibility[pool$spec$node_type];
		local e = 0;

		while ( e < pool$spec$max_nodes )
			{
			init_pool_node(pool, pet$eligible_nodes[e]$name);
			++e;
			}

		local rest: vector of NamedNode = vector();

		for ( j in pet$eligible_nodes )
			{
			if ( j >= e )
				rest += pet$eligible_nodes[j];
			}

		pet$eligible_nodes = rest;
		}

	for ( i in registered_pools )
		{
		pool = registered_pools[i];

		if ( pool$spec$exclusive )
			next;

		# The other pools take nodes in turn, each continuing where
		# the previous pool of the same type stopped.
		pet = pool_eligibility[pool$spec$node_type];
		local wanted = |pet$eligible_nodes|;

		if ( pool$spec?$max_nodes && pool$spec$max_nodes < wanted )
			wanted = pool$spec$max_nodes;

		local taken = 0;

		while ( taken < wanted )
			{
			init_pool_node(pool, pet$eligible_nodes[pet$next_idx]$name);
			++taken;
			++pet$next_idx;

			if ( pet$next_idx == |pet$eligible_nodes| )
				pet$next_idx = 0;
			}
		}
	}
