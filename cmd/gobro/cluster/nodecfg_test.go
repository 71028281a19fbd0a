package cluster

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLayoutOfNodeCfg: the layout of testdata/node.cfg is, byte for
// byte, what BroControl 2.6 writes for it (testdata/node.cfg-layout.bro,
// from ../shared/layouts).
func TestLayoutOfNodeCfg(t *testing.T) {
	nodes, err := readNodeCfg("testdata/node.cfg", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	got := writeLayout(nodes, layoutOptions{broPort: 47760})
	want, err := os.ReadFile("testdata/node.cfg-layout.bro")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("layout differs:\n--- got\n%s--- want\n%s", got, want)
	}
}

func writeCfg(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "node.cfg")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLayoutOrderAndPorts: nodes are ordered by type (loggers, manager,
// proxies, workers) and by their order in the file within a type, not by
// name; ports follow from BroPort, control first; lb_procs expands a
// worker into name-1..name-N, each taking the next number of its type;
// the interfaces method hands interfaces out from the end of the list.
func TestLayoutOrderAndPorts(t *testing.T) {
	cfg := writeCfg(t, `# comment
[worker-b]
type=worker
host=127.0.0.1
interface=eth9

[proxy-2]
type = proxy
host = localhost

[w]
type=worker
host=127.0.0.1
lb_method=interfaces
lb_procs=3
lb_interfaces=eth1,eth2,eth3

[manager]
type=manager
host=127.0.0.1

[logger-2]
type=logger
host=127.0.0.1

[proxy-1]
type=proxy
host=127.0.0.1

[logger-1]
type=logger
host=127.0.0.1
`)
	nodes, err := readNodeCfg(cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	got := writeLayout(nodes, layoutOptions{broPort: 5000})
	want := `# Automatically generated. Do not edit.
redef Cluster::manager_is_logger = F;
redef Cluster::nodes = {
	["control"] = [$node_type=Cluster::CONTROL, $ip=127.0.0.1, $p=5000/tcp],
	["logger-2"] = [$node_type=Cluster::LOGGER, $ip=127.0.0.1, $p=5001/tcp],
	["logger-1"] = [$node_type=Cluster::LOGGER, $ip=127.0.0.1, $p=5002/tcp],
	["manager"] = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=5003/tcp],
	["proxy-2"] = [$node_type=Cluster::PROXY, $ip=127.0.0.1, $p=5004/tcp, $manager="manager"],
	["proxy-1"] = [$node_type=Cluster::PROXY, $ip=127.0.0.1, $p=5005/tcp, $manager="manager"],
	["worker-b"] = [$node_type=Cluster::WORKER, $ip=127.0.0.1, $p=5006/tcp, $interface="eth9", $manager="manager"],
	["w-1"] = [$node_type=Cluster::WORKER, $ip=127.0.0.1, $p=5007/tcp, $interface="eth3", $manager="manager"],
	["w-2"] = [$node_type=Cluster::WORKER, $ip=127.0.0.1, $p=5008/tcp, $interface="eth2", $manager="manager"],
	["w-3"] = [$node_type=Cluster::WORKER, $ip=127.0.0.1, $p=5009/tcp, $interface="eth1", $manager="manager"],
};
`
	if got != want {
		t.Errorf("layout differs:\n--- got\n%s--- want\n%s", got, want)
	}
}

// TestLayoutNoLoggerIPv6TimeMachine: without loggers the manager logs;
// IPv6 addresses are bracketed; a time machine comes last.
func TestLayoutNoLoggerIPv6TimeMachine(t *testing.T) {
	cfg := writeCfg(t, "[manager]\ntype=manager\nhost=::1\n[proxy-1]\ntype=proxy\nhost=::1\n[worker-1]\ntype=worker\nhost=::1\ninterface=lo\n")
	nodes, err := readNodeCfg(cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	got := writeLayout(nodes, layoutOptions{broPort: 47780, timeMachineHost: "127.0.0.1", timeMachinePort: "47757/tcp"})
	want := `# Automatically generated. Do not edit.
redef Cluster::manager_is_logger = T;
redef Cluster::nodes = {
	["control"] = [$node_type=Cluster::CONTROL, $ip=[::1], $p=47780/tcp],
	["manager"] = [$node_type=Cluster::MANAGER, $ip=[::1], $p=47781/tcp],
	["proxy-1"] = [$node_type=Cluster::PROXY, $ip=[::1], $p=47782/tcp, $manager="manager"],
	["worker-1"] = [$node_type=Cluster::WORKER, $ip=[::1], $p=47783/tcp, $interface="lo", $manager="manager"],
	["time-machine"] = [$node_type=Cluster::TIME_MACHINE, $ip=127.0.0.1, $p=47757/tcp],
};
`
	if got != want {
		t.Errorf("layout differs:\n--- got\n%s--- want\n%s", got, want)
	}
}

// TestNodeCfgErrors: BroControl's checks, with its messages.
func TestNodeCfgErrors(t *testing.T) {
	for _, tc := range []struct{ cfg, msg string }{
		{"", "no nodes found in node config"},
		{"[a]\nhost=127.0.0.1\n", "no type given for node a"},
		{"[a]\ntype=boss\nhost=127.0.0.1\n", "unknown node type 'boss' given for node 'a'"},
		{"[a]\ntype=manager\n", "no host given for node 'a'"},
		{"[m]\ntype=manager\nhost=127.0.0.1\n", "no proxy defined in node config"},
		{"[p]\ntype=proxy\nhost=127.0.0.1\n", "no manager defined in node config"},
		{"[m]\ntype=manager\nhost=127.0.0.1\n[n]\ntype=manager\nhost=127.0.0.1\n", "only one manager can be defined in node config"},
		{"[m]\ntype=manager\nhost=127.0.0.1\n[p]\ntype=proxy\nhost=127.0.0.1\nlb_procs=2\nlb_method=custom\n", "node 'p' config: load balancing node config options are only for worker nodes"},
		{"[m]\ntype=manager\nhost=127.0.0.1\n[p]\ntype=proxy\nhost=127.0.0.1\n[w]\ntype=worker\nhost=127.0.0.1\nlb_procs=2\n", "no load balancing method given for node 'w'"},
		{"[m]\ntype=manager\nhost=127.0.0.1\n[p]\ntype=proxy\nhost=127.0.0.1\n[w]\ntype=worker\nhost=127.0.0.1\nlb_procs=x\nlb_method=custom\n", "number of load-balanced processes must be an integer for node 'w'"},
		{"[m]\ntype=manager\nhost=127.0.0.1\n[p]\ntype=proxy\nhost=127.0.0.1\n[w-2]\ntype=worker\nhost=127.0.0.1\n[w]\ntype=worker\nhost=127.0.0.1\nlb_procs=2\nlb_method=custom\n", `node name "w-2" is a duplicate of "w-2"`},
	} {
		_, err := readNodeCfg(writeCfg(t, tc.cfg), io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%q: got %v, want %q", tc.cfg, err, tc.msg)
		}
	}
}

// TestParseInterleaved: flags may follow the arguments; "--" ends them.
func TestParseInterleaved(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	out := fs.String("o", "x", "")
	port := fs.Int("port", 1, "")
	args, err := parseInterleaved(fs, []string{"node.cfg", "-o", "-", "--port", "5", "--", "-z"})
	if err != nil || *out != "-" || *port != 5 || strings.Join(args, " ") != "node.cfg -z" {
		t.Errorf("args %q o %q port %d err %v", args, *out, *port, err)
	}
}
