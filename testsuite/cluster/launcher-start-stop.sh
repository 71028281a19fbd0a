# "gobro cluster start" starts the layout's five nodes (the control entry
# is no process) and returns once each is up: its bro_init handlers have
# run, it listens on its port and it is connected to every node it peers
# with (Bro 2.6's setup-connections: workers with loggers, proxies and
# the manager; proxies with loggers and the manager; the manager with
# loggers). "status" shows them running with all their peers, "stop"
# stops them through bro_done (the loggers last) and the supervisor, and
# the cluster.log the logger wrote, archived under logs/ at shutdown, has
# the hellos Bro 2.6's cluster framework logs: the logger's own, and the
# other nodes' hellos from the logger (a node logs those once it is peered
# with the logger; rows it logs before that, as in Bro 2.6, reach no
# logger).
# @TEST-PORT: P0
# @TEST-PORT: P1
# @TEST-PORT: P2
# @TEST-PORT: P3
# @TEST-PORT: P4
# @TEST-PORT: P5
# @TEST-EXEC: bash %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

. "$SCRIPTS/cluster-launcher-common.sh"

gobro cluster start --dir "$dir" --layout cluster-layout.bro | sed 's/ in [0-9.]*s (supervisor pid [0-9]*)/ in Ns/'
echo "== status"
status_cols
pids=$(gobro cluster status --dir "$dir" | awk '$4 == "running" { print $5 }')
echo "== a second start"
gobro cluster start --dir "$dir" --layout cluster-layout.bro 2>&1 | sed "s|$dir|spool|; s/pid [0-9]*/pid N/"
echo "== stop"
gobro cluster stop --dir "$dir"
echo "== status"
status_cols
for p in $pids; do kill -0 "$p" 2>/dev/null && echo "pid $p still runs"; done
echo "== node directories"
for n in logger-1 manager proxy-1 worker-1 worker-2; do
	echo "$n: $(cd "$dir/$n" && ls stdout stderr ready status | tr '\n' ' ')"
done
echo "== supervisor"
grep -c ' stopped (exit status 0)$' "$dir/supervisor.log"
echo "== cluster.log (archived by the logger)"
cat "$dir"/logs/*/cluster.*.log | awk -F '\t' '/^[^#]/ { sub(/ \(.*\)$/, "", $3); print $2, $3 }' |
	grep -E '^logger-1 got hello|got hello from logger-1$' | sort
