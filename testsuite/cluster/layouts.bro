# Each layout BroControl (Bro 2.6) writes loads unmodified, for every node
# it names: the cluster framework finds cluster-layout.bro on the script
# path, and the node's type script applies. BROCTL_CHECK_CONFIG keeps the
# nodes off the network, as BroControl's check does.
# @TEST-EXEC: bash %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

for layout in broctl-generated-cluster-layout node.cfg-layout manager-is-logger-layout ipv6-layout; do
	mkdir -p $layout
	cp $GOBRO_TESTS/cluster/layouts/$layout.bro $layout/cluster-layout.bro
	for node in $(grep -o '^	\["[a-z0-9-]*"\]' $layout/cluster-layout.bro | tr -d '\t[]"'); do
		(cd $layout && CLUSTER_NODE=$node BROCTL_CHECK_CONFIG=1 BROPATH=.:$GOBRO_SCRIPTS \
			bro -e 'print Cluster::node, Cluster::local_node_type(), |Cluster::nodes|, Cluster::manager_is_logger, Log::enable_local_logging, Log::enable_remote_logging;')
	done
done
