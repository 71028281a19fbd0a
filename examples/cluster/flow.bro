##! An example for a cluster of a logger, a manager, a proxy and workers
##! ("tools/run" starts one from cluster-layout.bro in this directory):
##! each worker sends the manager a few reports (events to
##! Cluster::manager_topic) and logs each one (example.log, written by the
##! logger); once a worker's reports are all in, the manager hands a tally
##! to a proxy of the proxy pool chosen by the worker's name
##! (Cluster::publish_hrw), which logs it, and tells the worker (on its node
##! topic), which prints it.

module Example;

export {
	redef enum Log::ID += { LOG };

	## A row of example.log.
	type Info: record {
		ts:   time   &log;
		## The node that wrote the row.
		node: string &log;
		what: string &log;
		n:    count  &log;
	};

	## How many reports each worker sends.
	const rounds = 5 &redef;

	## A worker's report to the manager.
	global report: event(worker: string, n: count);
	## The manager's tally of a worker's reports, for a proxy.
	global tally: event(worker: string, total: count);
	## The manager's answer to a worker.
	global done: event(total: count);
}

event bro_init() &priority=5
	{
	Log::create_stream(LOG, [$columns=Info, $path="example"]);
	}

@if ( Cluster::local_node_type() == Cluster::WORKER )

event send_report(n: count)
	{
	Broker::publish(Cluster::manager_topic, report, Cluster::node, n);
	Log::write(LOG, [$ts=network_time(), $node=Cluster::node, $what="report sent", $n=n]);

	if ( n < rounds )
		schedule 100msec { send_report(n + 1) };
	}

global started = F;
global up: set[string] = set();

# The worker starts reporting once the manager and the loggers (which
# write its log rows) are there.
event Cluster::node_up(name: string, id: string)
	{
	add up[name];

	if ( started )
		return;

	for ( n in Cluster::nodes )
		{
		local t = Cluster::nodes[n]$node_type;

		if ( (t == Cluster::MANAGER || t == Cluster::LOGGER) && n !in up )
			return;
		}

	started = T;
	event send_report(1);
	}

event done(total: count)
	{
	print fmt("%s: the manager has all %d of my reports", Cluster::node, total);
	}

@endif

@if ( Cluster::local_node_type() == Cluster::MANAGER )

global reports: table[string] of count &default=0;

event report(worker: string, n: count)
	{
	++reports[worker];

	if ( reports[worker] < rounds )
		return;

	print fmt("manager: %d reports from %s", reports[worker], worker);
	Cluster::publish_hrw(Cluster::proxy_pool, worker, tally, worker, reports[worker]);
	Broker::publish(Cluster::node_topic(worker), done, reports[worker]);
	}

@endif

@if ( Cluster::local_node_type() == Cluster::PROXY )

event tally(worker: string, total: count)
	{
	print fmt("%s: tally for %s: %d reports", Cluster::node, worker, total);
	Log::write(LOG, [$ts=network_time(), $node=Cluster::node, $what=fmt("tally for %s", worker), $n=total]);
	}

@endif
