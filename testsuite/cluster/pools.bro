# Nodes are assigned to pools as Bro 2.6's pools.bro does: pools in order
# of their topics, exclusive pools first (each takes the first nodes left),
# then the others take nodes in turn, each continuing where the previous
# pool of the type stopped, up to max_nodes. Asking exclusive pools for
# more nodes than there are is fatal.
# @TEST-EXEC: bash layout.sh >cluster-layout.bro
# @TEST-EXEC: CLUSTER_NODE=manager BROCTL_CHECK_CONFIG=1 BROPATH=.:$GOBRO_SCRIPTS bro test-pools.bro >out
# @TEST-EXEC: btest-diff out
# @TEST-EXEC-FAIL: CLUSTER_NODE=manager BROCTL_CHECK_CONFIG=1 BROPATH=.:$GOBRO_SCRIPTS bro test-pools.bro Test::too_many=T >out2 2>err2
# @TEST-EXEC: sed -E 's#in .*/base/frameworks/cluster/(\./)?pools.bro, line [0-9]+#in pools.bro#' err2 >err2.canon
# @TEST-EXEC: btest-diff err2.canon

@TEST-START-FILE layout.sh
cat <<LAYOUT
redef Cluster::nodes = {
	["manager"] = [\$node_type=Cluster::MANAGER, \$ip=127.0.0.1, \$p=27990/tcp],
	["proxy-1"] = [\$node_type=Cluster::PROXY, \$ip=127.0.0.1, \$p=27991/tcp, \$manager="manager"],
	["proxy-2"] = [\$node_type=Cluster::PROXY, \$ip=127.0.0.1, \$p=27992/tcp, \$manager="manager"],
	["proxy-3"] = [\$node_type=Cluster::PROXY, \$ip=127.0.0.1, \$p=27993/tcp, \$manager="manager"],
	["proxy-4"] = [\$node_type=Cluster::PROXY, \$ip=127.0.0.1, \$p=27994/tcp, \$manager="manager"],
	["worker-1"] = [\$node_type=Cluster::WORKER, \$ip=127.0.0.1, \$p=27995/tcp, \$interface="eth0", \$manager="manager"],
	["worker-2"] = [\$node_type=Cluster::WORKER, \$ip=127.0.0.1, \$p=27996/tcp, \$interface="eth1", \$manager="manager"],
};
LAYOUT
@TEST-END-FILE

@TEST-START-FILE test-pools.bro
module Test;

export {
	const too_many = F &redef;
}

global pool_a: Cluster::Pool;
global pool_b: Cluster::Pool;
global pool_c: Cluster::Pool;

event bro_init() &priority=10
	{
	# Registered out of topic order on purpose.
	pool_c = Cluster::register_pool([$topic="test/c", $node_type=Cluster::PROXY, $max_nodes=2]);
	pool_a = Cluster::register_pool([$topic="test/a", $node_type=Cluster::PROXY,
	                                 $max_nodes=too_many ? 5 : 1, $exclusive=T]);
	pool_b = Cluster::register_pool([$topic="test/b", $node_type=Cluster::PROXY, $max_nodes=2]);
	}

function show(name: string, p: Cluster::Pool)
	{
	local names = "";

	for ( i in p$node_list )
		names += fmt(" %s%s", p$node_list[i]$name, p$node_list[i]$alive ? "(up)" : "");

	print name, p$alive_count, names;
	}

event bro_init() &priority=-7
	{
	show("logger_pool", Cluster::logger_pool);
	show("proxy_pool", Cluster::proxy_pool);
	show("worker_pool", Cluster::worker_pool);
	show("a", pool_a);
	show("b", pool_b);
	show("c", pool_c);
	print Cluster::rr_topic(Cluster::logger_pool, "k"), Cluster::rr_topic(Cluster::proxy_pool, "k");
	print Cluster::hrw_topic(Cluster::logger_pool, "k"), Cluster::hrw_topic(Cluster::proxy_pool, "k");
	}
@TEST-END-FILE
