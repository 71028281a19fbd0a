# With two loggers, the workers' log writes go to the loggers in turn
# (Cluster::enable_round_robin_logging, Cluster::rr_log_topic), and each
# logger writes the rows it gets with the workers' columns. Workers write
# nothing locally.
# @TEST-PORT: PORT_L1
# @TEST-PORT: PORT_L2
# @TEST-PORT: PORT_M
# @TEST-PORT: PORT_W1
# @TEST-PORT: PORT_W2
# @TEST-EXEC: bash layout.sh >cluster-layout.bro
# @TEST-EXEC: btest-bg-run logger-1 "CLUSTER_NODE=logger-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run logger-2 "CLUSTER_NODE=logger-2 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run manager "CLUSTER_NODE=manager BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run worker-1 "CLUSTER_NODE=worker-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run worker-2 "CLUSTER_NODE=worker-2 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-wait 40
# Which logger gets a worker's first row depends on how many writes
# (cluster.log's included) went round before it; each logger gets every
# other row of each worker, and together they have all rows.
# @TEST-EXEC: for l in logger-1 logger-2; do (grep '^#' $l/test.log | grep -v '^#open\|^#close'; grep -v '^#' $l/test.log | awk '{ n[$1]++; p[$1] = p[$1] ($2 % 2) } END { for ( w in n ) print w, n[w], (p[w] == "11" || p[w] == "00") ? "every other" : p[w] }' | sort) >$l.test.log; done
# @TEST-EXEC: btest-diff logger-1.test.log
# @TEST-EXEC: btest-diff logger-2.test.log
# @TEST-EXEC: cat logger-1/test.log logger-2/test.log | grep -v '^#' | sort >all-rows
# @TEST-EXEC: btest-diff all-rows
# @TEST-EXEC: test ! -e worker-1/test.log && test ! -e worker-2/test.log && test ! -e manager/test.log

@TEST-START-FILE layout.sh
cat <<LAYOUT
redef Cluster::manager_is_logger = F;
redef Cluster::nodes = {
	["logger-1"] = [\$node_type=Cluster::LOGGER, \$ip=127.0.0.1, \$p=$PORT_L1],
	["logger-2"] = [\$node_type=Cluster::LOGGER, \$ip=127.0.0.1, \$p=$PORT_L2],
	["manager"] = [\$node_type=Cluster::MANAGER, \$ip=127.0.0.1, \$p=$PORT_M],
	["worker-1"] = [\$node_type=Cluster::WORKER, \$ip=127.0.0.1, \$p=$PORT_W1, \$interface="eth0", \$manager="manager"],
	["worker-2"] = [\$node_type=Cluster::WORKER, \$ip=127.0.0.1, \$p=$PORT_W2, \$interface="eth1", \$manager="manager"],
};
LAYOUT
@TEST-END-FILE

@TEST-START-FILE node.bro
redef exit_only_after_terminate = T;
# This test is about where rows go, not about rotation.
redef Log::default_rotation_interval = 0secs;

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		node: string &log;
		n: count &log;
	};

	global wrote: event(node: string);
}

global loggers_up: set[string];
global wrote_from: set[string];
global downs = 0;

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info, $path="test"]);
	}

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::local_node_type() != Cluster::WORKER || Cluster::nodes[name]$node_type != Cluster::LOGGER )
		return;

	add loggers_up[name];

	if ( |loggers_up| < 2 )
		return;

	local n = 1;

	while ( n <= 4 )
		{
		Log::write(Test::LOG, [$node=Cluster::node, $n=n]);
		++n;
		}

	Broker::flush_logs();
	# Over the same links as the rows, so a logger has them all when it
	# hears this from both workers.
	Broker::publish(Cluster::logger_topic, wrote, Cluster::node);
	}

event wrote(node: string)
	{
	add wrote_from[node];

	if ( |wrote_from| == 2 )
		terminate();
	}

event Cluster::node_down(name: string, id: string)
	{
	# The workers and the manager end when the loggers have gone (the
	# manager may not have heard from a worker that was quick).
	if ( Cluster::nodes[name]$node_type == Cluster::LOGGER )
		{
		if ( ++downs == 2 )
			terminate();
		}
	}
@TEST-END-FILE
