# Events reach the nodes their topics name: Cluster::worker_topic the
# workers, proxy_topic the proxies, node_topic one node, manager_topic the
# manager; Cluster::publish_rr goes to the pool's nodes in turn (in the
# order of their names), Cluster::publish_hrw to one node per key, the
# same each time.
# @TEST-PORT: PORT_M
# @TEST-PORT: PORT_P1
# @TEST-PORT: PORT_P2
# @TEST-PORT: PORT_W1
# @TEST-PORT: PORT_W2
# @TEST-EXEC: bash layout.sh >cluster-layout.bro
# @TEST-EXEC: btest-bg-run manager "CLUSTER_NODE=manager BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run proxy-1 "CLUSTER_NODE=proxy-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run proxy-2 "CLUSTER_NODE=proxy-2 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run worker-1 "CLUSTER_NODE=worker-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run worker-2 "CLUSTER_NODE=worker-2 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-wait 40
# The workers' messages to the manager race each other: sorted.
# @TEST-EXEC: sort manager/out >manager.sorted
# @TEST-EXEC: btest-diff manager.sorted
# Which proxy the key hashes to is the pool's business: both messages
# go to the same one.
# @TEST-EXEC: cat proxy-1/out proxy-2/out | sort | uniq -c >proxies
# @TEST-EXEC: btest-diff proxies
# @TEST-EXEC: btest-diff worker-1/out
# @TEST-EXEC: btest-diff worker-2/out

@TEST-START-FILE layout.sh
cat <<LAYOUT
redef Cluster::nodes = {
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
global msg: event(s: string);
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

	Broker::publish(Cluster::worker_topic, msg, "to workers");
	Broker::publish(Cluster::proxy_topic, msg, "to proxies");
	Broker::publish(Cluster::node_topic("worker-2"), msg, "to worker-2");
	print "rr", Cluster::publish_rr(Cluster::worker_pool, "key", msg, "rr 1");
	print "rr", Cluster::publish_rr(Cluster::worker_pool, "key", msg, "rr 2");
	print "rr", Cluster::publish_rr(Cluster::worker_pool, "key", msg, "rr 3");
	print "hrw", Cluster::publish_hrw(Cluster::proxy_pool, "a key", msg, "hrw");
	print "hrw", Cluster::publish_hrw(Cluster::proxy_pool, "a key", msg, "hrw");
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
		{
		if ( Cluster::local_node_type() == Cluster::WORKER )
			Broker::publish(Cluster::manager_topic, msg, "from " + Cluster::node);

		Broker::publish(Cluster::manager_topic, ready, Cluster::node);
		}
	}

event msg(s: string)
	{
	print s;
	}

event ready(name: string)
	{
	add ready_nodes[name];
	check_finish();
	}

event finish()
	{
	terminate();
	}
@TEST-END-FILE
