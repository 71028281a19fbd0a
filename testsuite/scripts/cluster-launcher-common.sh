# Shared by the cluster/launcher-* tests (sourced): a layout
# of a logger, a manager, a proxy and two workers on the ports btest
# allocated (P0..P5), a helper to wait for a condition, and a trap that
# stops the cluster however the test ends.
set -u
dir=$PWD/spool
stop_cluster() { gobro cluster stop --dir "$dir" >/dev/null 2>&1 || true; }
trap stop_cluster EXIT
trap 'exit 1' INT TERM

cat >cluster-layout.bro <<EOF
# Automatically generated. Do not edit.
redef Cluster::manager_is_logger = F;
redef Cluster::nodes = {
	["control"] = [\$node_type=Cluster::CONTROL, \$ip=127.0.0.1, \$p=$P0],
	["logger-1"] = [\$node_type=Cluster::LOGGER, \$ip=127.0.0.1, \$p=$P1],
	["manager"] = [\$node_type=Cluster::MANAGER, \$ip=127.0.0.1, \$p=$P2],
	["proxy-1"] = [\$node_type=Cluster::PROXY, \$ip=127.0.0.1, \$p=$P3, \$manager="manager"],
	["worker-1"] = [\$node_type=Cluster::WORKER, \$ip=127.0.0.1, \$p=$P4, \$interface="eth0", \$manager="manager"],
	["worker-2"] = [\$node_type=Cluster::WORKER, \$ip=127.0.0.1, \$p=$P5, \$interface="eth1", \$manager="manager"],
};
EOF

# wait_until SECONDS COMMAND...: runs COMMAND every 0.1 s until it
# succeeds; fails after SECONDS.
wait_until() {
	local end=$(( $(date +%s) + $1 )); shift
	until "$@"; do
		[ "$(date +%s)" -lt "$end" ] || { echo "timed out: $*"; return 1; }
		sleep 0.1
	done
}

# The columns of "status" that do not change from run to run: name,
# type, host, status, peers.
status_cols() { gobro cluster status --dir "$dir" | awk '/^supervisor/ { sub(/ \(pid.*/, ""); print; next } { print $1, $2, $3, $4, $8 }'; }

# node_pid NAME: the node's pid as status shows it.
node_pid() { gobro cluster status --dir "$dir" | awk -v n="$1" '$1 == n { print $5 }'; }
