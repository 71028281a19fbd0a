# A cluster of a logger, a manager, two proxies and two workers starts: each node
# listens on its port, peers as Bro 2.6's setup-connections does (workers
# with the logger, the proxies and the manager, proxies with the logger
# and the manager, the manager with the logger), and raises
# Cluster::node_up for every node it is connected to once their hellos
# arrive. worker_count on the manager follows. Once every node has seen
# all its peers, the manager asks them to finish.
# @TEST-PORT: PORT_L
# @TEST-PORT: PORT_M
# @TEST-PORT: PORT_P1
# @TEST-PORT: PORT_P2
# @TEST-PORT: PORT_W1
# @TEST-PORT: PORT_W2
# @TEST-EXEC: bash layout.sh >cluster-layout.bro
# @TEST-EXEC: btest-bg-run logger-1 "CLUSTER_NODE=logger-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run manager "CLUSTER_NODE=manager BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run proxy-1 "CLUSTER_NODE=proxy-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run proxy-2 "CLUSTER_NODE=proxy-2 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run worker-1 "CLUSTER_NODE=worker-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run worker-2 "CLUSTER_NODE=worker-2 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-wait 40
# @TEST-EXEC: btest-diff logger-1/out
# @TEST-EXEC: btest-diff manager/out
# @TEST-EXEC: btest-diff proxy-1/out
# @TEST-EXEC: btest-diff proxy-2/out
# @TEST-EXEC: btest-diff worker-1/out
# @TEST-EXEC: btest-diff worker-2/out

@TEST-START-FILE layout.sh
cat <<LAYOUT
redef Cluster::manager_is_logger = F;
redef Cluster::nodes = {
	["logger-1"] = [\$node_type=Cluster::LOGGER, \$ip=127.0.0.1, \$p=$PORT_L],
	["manager"] = [\$node_type=Cluster::MANAGER, \$ip=127.0.0.1, \$p=$PORT_M],
	["proxy-1"] = [\$node_type=Cluster::PROXY, \$ip=127.0.0.1, \$p=$PORT_P1, \$manager="manager"],
	["proxy-2"] = [\$node_type=Cluster::PROXY, \$ip=127.0.0.1, \$p=$PORT_P2, \$manager="manager"],
	["worker-1"] = [\$node_type=Cluster::WORKER, \$ip=127.0.0.1, \$p=$PORT_W1, \$interface="eth0", \$manager="manager"],
	["worker-2"] = [\$node_type=Cluster::WORKER, \$ip=127.0.0.1, \$p=$PORT_W2, \$interface="eth1", \$manager="manager"],
};
LAYOUT
@TEST-END-FILE

@TEST-START-FILE node.bro
redef exit_only_after_terminate = T;

global ready: event(name: string);
global finish: event();
global up: set[string];
global ready_nodes: set[string];

# How many nodes this node connects to: all others, but workers do not
# connect to workers, nor proxies to proxies.
function expected(): count
	{
	local me = Cluster::local_node_type();
	local n = 0;

	for ( name in Cluster::nodes )
		{
		local t = Cluster::nodes[name]$node_type;

		if ( name != Cluster::node && ! (t == me && (t == Cluster::WORKER || t == Cluster::PROXY)) )
			++n;
		}

	return n;
	}

function check_finish()
	{
	if ( |ready_nodes| < |Cluster::nodes| )
		return;

	print "worker_count", Cluster::worker_count;
	Broker::publish("test/finish", finish);
	event finish();
	}

event bro_init()
	{
	Broker::subscribe("test/finish");
	}

event Cluster::node_up(name: string, id: string)
	{
	add up[name];

	if ( |up| != expected() )
		return;

	if ( Cluster::local_node_type() == Cluster::MANAGER )
		{
		add ready_nodes[Cluster::node];
		check_finish();
		}
	else
		Broker::publish(Cluster::manager_topic, ready, Cluster::node);
	}

event ready(name: string)
	{
	add ready_nodes[name];
	check_finish();
	}

event finish()
	{
	local names: vector of string;

	for ( n in up )
		names += n;

	print Cluster::node, sort(names, strcmp);
	terminate();
	}
@TEST-END-FILE
