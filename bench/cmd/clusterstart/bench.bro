##! The workload of clusterstart: once every worker is up at the manager,
##! the manager waits Bench::delay (the nodes are idle: their memory is
##! measured then), then tells the workers to go; each publishes
##! Bench::per_worker events to the manager as fast as it can, and the
##! manager prints how long it took to receive them all.

module Bench;

export {
	const per_worker = 100000 &redef;
	const chunk = 200 &redef;
	const delay = 3sec &redef;

	global go: event();
	global ev: event(n: count);
	global sent: event(worker: string, n: count);
}

@if ( Cluster::local_node_type() == Cluster::MANAGER )

global workers = 0;
global workers_up = 0;
global received = 0;
global t_go: time;
global reported = F;

event start_go()
	{
	t_go = current_time();
	print fmt("go %.6f", time_to_double(t_go));
	Broker::publish(Cluster::worker_topic, go);
	}

event bro_init()
	{
	for ( n in Cluster::nodes )
		if ( Cluster::nodes[n]$node_type == Cluster::WORKER )
			++workers;
	}

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::nodes[name]$node_type != Cluster::WORKER )
		return;

	++workers_up;

	if ( workers_up == workers )
		schedule delay { start_go() };
	}

event ev(n: count)
	{
	++received;

	if ( received == workers * per_worker && ! reported )
		{
		reported = T;
		print fmt("received %d %.6f", received, time_to_double(current_time()) - time_to_double(t_go));
		}
	}

event sent(worker: string, n: count)
	{
	print fmt("sent %s %d", worker, n);
	}

@endif

@if ( Cluster::local_node_type() == Cluster::WORKER )

event send(i: count)
	{
	local j = 0;

	while ( j < chunk && i < per_worker )
		{
		Broker::publish(Cluster::manager_topic, ev, i);
		++i;
		++j;
		}

	if ( i < per_worker )
		event send(i);
	else
		Broker::publish(Cluster::manager_topic, sent, Cluster::node, i);
	}

event go()
	{
	event send(0);
	}

@endif
