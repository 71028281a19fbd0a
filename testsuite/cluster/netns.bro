# Across two hosts: a manager in one network namespace and a worker in
# another, each with its own address on a link between them, find each
# other as a cluster. The namespaces are made here and removed at the
# end, also when the test fails; where the machine does not allow making
# them, the test is skipped.
# @TEST-REQUIRES: ip netns add gobro-probe-$$ 2>/dev/null && ip netns del gobro-probe-$$
# @TEST-PORT: PORT_M
# @TEST-PORT: PORT_W
# @TEST-EXEC: bash run.sh
# @TEST-EXEC: btest-diff manager/out
# @TEST-EXEC: btest-diff worker/out

@TEST-START-FILE run.sh
set -e
a=gobro-a-$$
b=gobro-b-$$
cleanup() {
	# Stop whatever still runs in the namespaces, then remove them.
	for ns in $a $b; do
		for pid in $(ip netns pids $ns 2>/dev/null); do kill -9 $pid 2>/dev/null || true; done
		ip netns del $ns 2>/dev/null || true
	done
}
trap cleanup EXIT
ip netns add $a
ip netns add $b
ip link add veth-$$-a type veth peer name veth-$$-b
ip link set veth-$$-a netns $a
ip link set veth-$$-b netns $b
ip -n $a addr add 192.0.2.1/24 dev veth-$$-a
ip -n $b addr add 192.0.2.2/24 dev veth-$$-b
for ns in $a $b; do ip -n $ns link set lo up; done
ip -n $a link set veth-$$-a up
ip -n $b link set veth-$$-b up

cat >cluster-layout.bro <<LAYOUT
redef Cluster::nodes = {
	["manager"] = [\$node_type=Cluster::MANAGER, \$ip=192.0.2.1, \$p=$PORT_M],
	["worker-1"] = [\$node_type=Cluster::WORKER, \$ip=192.0.2.2, \$p=$PORT_W, \$interface="eth0", \$manager="manager"],
};
LAYOUT

btest-bg-run manager "ip netns exec $a env CLUSTER_NODE=manager BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
btest-bg-run worker "ip netns exec $b env CLUSTER_NODE=worker-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
btest-bg-wait 30
@TEST-END-FILE

@TEST-START-FILE node.bro
redef exit_only_after_terminate = T;

event Broker::peer_added(endpoint: Broker::EndpointInfo, msg: string)
	{
	if ( Cluster::local_node_type() == Cluster::WORKER )
		print "peered with", endpoint$network$address;
	}

event Cluster::node_up(name: string, id: string)
	{
	print "node_up", name;

	if ( Cluster::local_node_type() == Cluster::MANAGER )
		terminate();
	}

event Cluster::node_down(name: string, id: string)
	{
	print "node_down", name;
	terminate();
	}
@TEST-END-FILE
