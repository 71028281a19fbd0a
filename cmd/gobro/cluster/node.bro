##! Loaded first by every node that "gobro cluster start" runs: the cluster
##! framework, the control framework's controllee (so that "gobro cluster
##! print" and "peerstatus" can ask the node), a status file the launcher
##! reads, and the report of a restart on the manager's cluster.log.

@load base/frameworks/cluster

# A node listens on its own port; the controllee must not take Broker's
# default port as well (several nodes share a host).
redef Control::controllee_listen = F;
@load policy/frameworks/control/controllee

# A node runs until it is stopped.
redef exit_only_after_terminate = T;

module GobroCluster;

export {
	## Raised on the manager by a node that the supervisor restarted,
	## once it has reached the manager.
	global restarted: event(name: string, reason: string);

	## How often the status file is written.
	const status_interval = 1sec &redef;
}

# The nodes this one has seen come up (Cluster::node_up) and are still
# up, with the time they came up.
global up_nodes: table[string] of time = table();

# Log rows this node's scripts wrote (on a node that logs remotely: sent
# to the loggers).
global log_writes = 0;

# Whether the restart has been reported.
global restart_reported = F;

function count_write(rec: any): bool
	{
	++log_writes;
	return F;
	}

# Writes ./status (the node's working directory) in one go: a temporary
# file renamed over the old one, so that a reader never sees half.
function write_status()
	{
	local msgs_in = 0;
	local msgs_out = 0;
	local bytes_in = 0;
	local bytes_out = 0;
	local drops = 0;
	local bad_frames = 0;
	local stats = Broker::peer_stats();

	for ( i in stats )
		{
		msgs_in += stats[i]$msgs_in;
		msgs_out += stats[i]$msgs_out;
		bytes_in += stats[i]$bytes_in;
		bytes_out += stats[i]$bytes_out;
		drops += stats[i]$drops;
		bad_frames += stats[i]$bad_frames;
		}

	local f = open("status.tmp");
	print f, fmt("node %s", Cluster::node);
	print f, fmt("pid %d", getpid());
	print f, fmt("time %.6f", time_to_double(current_time()));
	for ( n in up_nodes )
		print f, fmt("up %s %.6f", n, time_to_double(up_nodes[n]));
	print f, fmt("msgs_in %d", msgs_in);
	print f, fmt("msgs_out %d", msgs_out);
	print f, fmt("bytes_in %d", bytes_in);
	print f, fmt("bytes_out %d", bytes_out);
	print f, fmt("drops %d", drops);
	print f, fmt("bad_frames %d", bad_frames);
	print f, fmt("log_writes %d", log_writes);
	print f, "end";
	close(f);
	rename("status.tmp", "status");
	}

event tick()
	{
	write_status();
	schedule status_interval { tick() };
	}

event bro_init() &priority=-100
	{
	if ( getenv("BROCTL_CHECK_CONFIG") != "" )
		return;

	for ( id in Log::active_streams )
		Log::add_filter(id, [$name="gobro-cluster-count", $writer=Log::WRITER_NONE,
		                     $pred=count_write, $log_local=F, $log_remote=F]);

	local reason = getenv("GOBRO_CLUSTER_RESTART");

	if ( reason != "" && Cluster::local_node_type() == Cluster::MANAGER )
		{
		Cluster::log(fmt("%s restarted by the supervisor: %s", Cluster::node, reason));
		restart_reported = T;
		}

	write_status();

	# The launcher takes this file as the sign that bro_init has run.
	local f = open("ready.tmp");
	print f, fmt("%d", getpid());
	close(f);
	rename("ready.tmp", "ready");

	schedule status_interval { tick() };
	}

event Cluster::node_up(name: string, id: string)
	{
	up_nodes[name] = current_time();
	write_status();

	if ( restart_reported || name !in Cluster::nodes ||
	     Cluster::nodes[name]$node_type != Cluster::MANAGER )
		return;

	local reason = getenv("GOBRO_CLUSTER_RESTART");

	if ( reason == "" )
		return;

	Broker::publish(Cluster::manager_topic, restarted, Cluster::node, reason);
	restart_reported = T;
	}

event Cluster::node_down(name: string, id: string)
	{
	delete up_nodes[name];
	write_status();
	}

event restarted(name: string, reason: string)
	{
	Cluster::log(fmt("%s restarted by the supervisor: %s", name, reason));
	}
