# A node that dies at start does not come up: "start" says which one and
# why (its exit status and the end of its stderr) and fails; the
# supervisor restarts it with a growing delay rather than in a loop, and
# each death leaves a crash report. The others are up; "stop" ends all.
# @TEST-PORT: P0
# @TEST-PORT: P1
# @TEST-PORT: P2
# @TEST-PORT: P3
# @TEST-PORT: P4
# @TEST-PORT: P5
# @TEST-EXEC: bash %INPUT >out 2>&1
# @TEST-EXEC: btest-diff out

. "$SCRIPTS/cluster-launcher-common.sh"

cat >crash.bro <<'EOF'
event bro_init()
	{
	if ( Cluster::node == "worker-2" )
		{
		Reporter::error("worker-2 refuses to start");
		exit(3);
		}
	}
EOF
gobro cluster start --dir "$dir" --layout cluster-layout.bro --timeout 4s crash.bro >/dev/null 2>start.err
echo "start: exit $?"
# At the time-out, worker-2 is either dead or just restarted: either way
# the line says how it died.
grep -v '^ *worker-2\|^      ' start.err
echo "worker-2 reported as dying with exit status 3: $(grep -c '^  worker-2: .*exit status 3 after' start.err)"
sleep 1
echo "== status"
status_cols | grep -v worker-2
gobro cluster stop --dir "$dir" >/dev/null
echo "== restarts in 5s (0.5 s, then 1, 2, 4: at most 4)"
n=$(grep -c 'worker-2 will be restarted' "$dir/supervisor.log")
echo "between 2 and 4: $([ "$n" -ge 2 ] && [ "$n" -le 4 ] && echo yes || echo "no: $n")"
echo "crash reports match: $([ "$(ls "$dir"/worker-2/crash-*.txt | wc -l)" -eq "$n" ] && echo yes || echo no)"
sed -n 's/^how: //p' "$(ls "$dir"/worker-2/crash-*.txt | head -1)"
grep -c 'worker-2 refuses to start$' "$(ls "$dir"/worker-2/crash-*.txt | head -1)"
