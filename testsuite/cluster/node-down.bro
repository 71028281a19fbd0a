# A worker killed with SIGKILL is reported by the manager's
# Cluster::node_down within a second, worker_count drops, and when the
# worker starts again it is Cluster::node_up once more (with a new id).
# @TEST-PORT: PORT_M
# @TEST-PORT: PORT_W1
# @TEST-EXEC: bash layout.sh >cluster-layout.bro
# @TEST-EXEC: btest-bg-run manager "CLUSTER_NODE=manager BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# The first worker dies by SIGKILL: its status is not a failure.
# @TEST-EXEC: btest-bg-run worker "CLUSTER_NODE=worker-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out || true"
# @TEST-EXEC: $SCRIPTS/wait-for manager/out "^up, worker-1" 20
# @TEST-EXEC: date +%s.%N >killed && kill -9 $(cat worker/pid)
# @TEST-EXEC: $SCRIPTS/wait-for manager/out "^down, worker-1" 20
# @TEST-EXEC: btest-bg-run worker-again "CLUSTER_NODE=worker-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-wait 40
# @TEST-EXEC: btest-diff manager/out
# @TEST-EXEC: awk -v k=$(cat killed) '/^down/ { print "down within 1s:", ($2 - k) < 1.0 }' manager/times >timing
# @TEST-EXEC: btest-diff timing

@TEST-START-FILE layout.sh
cat <<LAYOUT
redef Cluster::nodes = {
	["manager"] = [\$node_type=Cluster::MANAGER, \$ip=127.0.0.1, \$p=$PORT_M],
	["worker-1"] = [\$node_type=Cluster::WORKER, \$ip=127.0.0.1, \$p=$PORT_W1, \$interface="eth0", \$manager="manager"],
};
LAYOUT
@TEST-END-FILE

@TEST-START-FILE node.bro
redef exit_only_after_terminate = T;

global ups = 0;
global first_id = "";
global times: file;

event bro_init()
	{
	if ( Cluster::local_node_type() == Cluster::MANAGER )
		times = open("times");
	else
		{
		local f = open("pid");
		print f, getpid();
		close(f);
		}
	}

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::local_node_type() != Cluster::MANAGER )
		return;

	++ups;
	print "up", name, Cluster::worker_count, ups == 1 || id != first_id;

	if ( ups == 1 )
		first_id = id;
	else
		terminate();
	}

event Cluster::node_down(name: string, id: string)
	{
	if ( Cluster::local_node_type() != Cluster::MANAGER )
		{
		terminate();
		return;
		}

	print times, fmt("down %.6f", current_time());
	close(times);
	print "down", name, Cluster::worker_count, id == first_id;
	}
@TEST-END-FILE
