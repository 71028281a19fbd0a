# "print" asks a node for a global's value through the control framework
# (Control::id_value_request, answered by the controllee); "peerstatus"
# asks every node for its peers (Control::peer_status_request: one line
# per peer, the controller itself among them); "check" loads one node of
# each type with CLUSTER_NODE and BROCTL_CHECK_CONFIG set and reports
# errors; "restart NODE" gives a node a new process that comes back with
# all its peers.
# @TEST-PORT: P0
# @TEST-PORT: P1
# @TEST-PORT: P2
# @TEST-PORT: P3
# @TEST-PORT: P4
# @TEST-PORT: P5
# @TEST-EXEC: bash %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

. "$SCRIPTS/cluster-launcher-common.sh"

cat >site.bro <<'EOF'
global greeting = "hello from " + Cluster::node;
EOF
gobro cluster start --dir "$dir" --layout cluster-layout.bro site.bro >/dev/null || exit 1
echo "== peerstatus: peers per node (with the asking controller), before any other controller"
gobro cluster peerstatus --dir "$dir" | awk '
	/^[a-z]/ && !/peer=/ { node = $1; next }
	/ peer=.* host=127\.0\.0\.1 status=Broker::PEERED$/ { n[node]++ }
	END { for ( k in n ) print k, n[k] }' | sort
echo "== print"
gobro cluster print --dir "$dir" manager Cluster::worker_count
gobro cluster print --dir "$dir" worker-2 greeting
gobro cluster print --dir "$dir" proxy-1 Cluster::node
echo "== check"
gobro cluster check --dir "$dir"
echo "exit $?"
cat >broken.bro <<'EOF'
@if ( Cluster::local_node_type() == Cluster::WORKER )
event bro_init() { print no_such_thing; }
@endif
EOF
gobro cluster check --dir "$dir" --layout cluster-layout.bro broken.bro | sed "s|$PWD/||"
echo "exit ${PIPESTATUS[0]}"
echo "== restart worker-2"
old=$(node_pid worker-2)
gobro cluster restart --dir "$dir" worker-2
new=$(node_pid worker-2)
[ "$new" != "$old" ] && echo "new pid"
status_cols
