# A cluster store as Bro 2.6's known-hosts script uses one: every node
# calls Cluster::create_store in bro_init; the manager gets the master,
# kept in Badger under Cluster::default_store_dir, and the worker a clone.
# The worker's put_unique calls are answered by the master, and the
# content reaches the clone.
# @TEST-PORT: PORT_M
# @TEST-PORT: PORT_W1
# @TEST-EXEC: bash layout.sh >cluster-layout.bro
# @TEST-EXEC: btest-bg-run manager "CLUSTER_NODE=manager BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-run worker-1 "CLUSTER_NODE=worker-1 BROPATH=..:$GOBRO_SCRIPTS bro ../node.bro >out"
# @TEST-EXEC: btest-bg-wait 40
# @TEST-EXEC: btest-diff manager/out
# @TEST-EXEC: btest-diff worker-1/out
# @TEST-EXEC: test -d manager/stores/test/hosts.sqlite

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
redef Cluster::default_store_dir = "stores";

global hosts: Cluster::StoreInfo;
global worker_done: event();
global poll: event();
global answers = 0;

event bro_init()
	{
	hosts = Cluster::create_store("test/hosts", T);
	print "master", hosts$master;
	if ( hosts$master )
		Broker::put(hosts$store, 10.0.0.1, T);
	}

function learn(h: addr)
	{
	when ( local r = Broker::put_unique(hosts$store, h, T, 1hr) )
		{
		print "put_unique", h, r$result;
		if ( ++answers == 3 )
			Broker::publish(Cluster::manager_topic, worker_done);
		}
	timeout 5sec
		{
		print "timeout", h;
		}
	}

event poll()
	{
	# The clone answers once it has the master's content.
	when ( local r = Broker::exists(hosts$store, 10.0.0.1) )
		{
		print "clone has the master's entry", r$result;
		learn(10.0.0.1);
		learn(10.0.0.2);
		learn(10.0.0.2);
		}
	timeout 200msec
		{
		event poll();
		}
	}

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::local_node_type() == Cluster::WORKER )
		event poll();
	}

event worker_done()
	{
	when ( local k = Broker::keys(hosts$store) )
		{
		print "keys", k$result;
		terminate();
		}
	timeout 5sec
		{
		print "timeout keys";
		}
	}

event Cluster::node_down(name: string, id: string)
	{
	terminate();
	}
@TEST-END-FILE
