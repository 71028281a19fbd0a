# The cluster framework: nodes described by Cluster::nodes (from a
# cluster-layout.bro on the script path), the connections among them, pools
# of nodes to spread work over, and shared data stores. It applies when
# Cluster::node names this process's node (CLUSTER_NODE).

@load ./main
@load ./pools

@if ( Cluster::is_enabled() )

# Peers know this node by its name.
redef peer_description = Cluster::node;

@if ( Cluster::enable_round_robin_logging )
redef Broker::log_topic = Cluster::rr_log_topic;
@endif

# Site scripts may have cluster-specific variants (foo.cluster.bro).
@prefixes += cluster

# The layout is required: a cluster cannot start without it.
@load cluster-layout

@if ( Cluster::node in Cluster::nodes )

@load ./setup-connections

@if ( Cluster::local_node_type() == Cluster::MANAGER )
@load ./nodes/manager
# Without a logger, the manager writes the logs.
@if ( Cluster::manager_is_logger )
@load ./nodes/logger
@endif
@endif

@if ( Cluster::local_node_type() == Cluster::LOGGER )
@load ./nodes/logger
@endif

@if ( Cluster::local_node_type() == Cluster::PROXY )
@load ./nodes/proxy
@endif

@if ( Cluster::local_node_type() == Cluster::WORKER )
@load ./nodes/worker
@endif

@endif
@endif
