# The supervisor restarts a worker killed with SIGKILL: status shows it
# running again, with a new pid and all its peers, within 10 seconds of
# the kill; the crash report in its directory says how it died; and the
# manager logs the restart on cluster.log (written by the logger).
# @TEST-PORT: P0
# @TEST-PORT: P1
# @TEST-PORT: P2
# @TEST-PORT: P3
# @TEST-PORT: P4
# @TEST-PORT: P5
# @TEST-EXEC: bash %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

. "$SCRIPTS/cluster-launcher-common.sh"

gobro cluster start --dir "$dir" --layout cluster-layout.bro >/dev/null || exit 1
old=$(node_pid worker-1)
killed=$(date +%s.%N)
kill -9 "$old"
back() {
	local pid
	pid=$(node_pid worker-1)
	[ -n "$pid" ] && [ "$pid" != "$old" ] && [ "$pid" != "-" ] &&
		gobro cluster status --dir "$dir" | awk '$1 == "worker-1" && $4 == "running" && $8 == "3/3" { ok = 1 } END { exit !ok }'
}
wait_until 20 back
echo "back within 10s: $(echo "$(date +%s.%N) - $killed < 10" | bc)"
status_cols
echo "== crash report"
sed -n 's/^how: /how: /p' "$dir"/worker-1/crash-*.txt
ls "$dir"/worker-1/crash-*.txt | wc -l
echo "== cluster.log"
restarted() { grep -q 'restarted by the supervisor' "$dir"/logger-1/cluster.log 2>/dev/null; }
wait_until 10 restarted
awk -F '\t' '/restarted by the supervisor/ { sub(/ after [0-9.]+m?s /, " after T ", $3); print $2, $3 }' "$dir"/logger-1/cluster.log
echo "== node down: worker-1 (on logger-1, manager, proxy-1; rows reach the logger within a second)"
downs() { [ "$(grep -c 'node down: worker-1' "$dir"/logger-1/cluster.log)" -ge 3 ]; }
wait_until 10 downs
grep 'node down: worker-1' "$dir"/logger-1/cluster.log | cut -f 2 | sort
