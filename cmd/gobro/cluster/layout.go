package cluster

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Node is a node of a layout, as gobro reads the layout.
type Node struct {
	Name    string `json:"name"`
	Type    string `json:"type"` // control, logger, manager, proxy, worker, time_machine
	IP      string `json:"ip"`
	Port    int    `json:"port"`
	Manager string `json:"manager,omitempty"`
	// Local says whether the node's address is one of this host's, so
	// that this host runs it.
	Local bool `json:"local"`
}

// runs says whether "start" runs nodes of this type.
func (n *Node) runs() bool {
	switch n.Type {
	case "logger", "manager", "proxy", "worker":
		return true
	}
	return false
}

// startRank orders the nodes as BroControl starts them: loggers, the
// manager, proxies, workers; stop goes the other way.
func startRank(t string) int {
	switch t {
	case "logger":
		return 0
	case "manager":
		return 1
	case "proxy":
		return 2
	case "worker":
		return 3
	}
	return 4
}

// readerScript prints the nodes of the layout it loads, one per line.
const readerScript = `@load base/frameworks/cluster
@load LAYOUT
event bro_init()
	{
	for ( name in Cluster::nodes )
		{
		local n = Cluster::nodes[name];
		print fmt("node %s %s %s %d %s", name, n$node_type, n$ip, port_to_count(n$p), n?$manager ? n$manager : "-");
		}
	}
`

// readLayout loads the layout with gobro itself (so that it is read as
// a node will read it) and returns its nodes in start order, then by
// name.
func readLayout(exe, layout string, scriptPath []string) ([]Node, error) {
	abs, err := filepath.Abs(layout)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, fmt.Errorf("cannot read the layout: %v", err)
	}
	tmp, err := os.CreateTemp("", "gobro-layout-*.bro")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	tmp.WriteString(strings.Replace(readerScript, "LAYOUT", abs, 1))
	tmp.Close()
	cmd := exec.Command(exe, "-b", tmp.Name())
	cmd.Env = nodeEnv(os.Environ(), map[string]string{"BROPATH": strings.Join(scriptPath, ":")}, "CLUSTER_NODE")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil || errb.Len() > 0 {
		return nil, fmt.Errorf("the layout %s does not load:\n%s", layout, strings.TrimSpace(errb.String()))
	}
	local := localAddrs()
	var nodes []Node
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Fields(line)
		if len(f) != 6 || f[0] != "node" {
			continue
		}
		p, _ := strconv.Atoi(f[4])
		n := Node{Name: f[1], Type: strings.ToLower(strings.TrimPrefix(f[2], "Cluster::")), IP: f[3], Port: p}
		if f[5] != "-" {
			n.Manager = f[5]
		}
		n.Local = local[canonIP(n.IP)]
		nodes = append(nodes, n)
	}
	if len(nodes) == 0 {
		return nil, fmt.Errorf("the layout %s has no nodes", layout)
	}
	sort.SliceStable(nodes, func(i, j int) bool {
		if a, b := startRank(nodes[i].Type), startRank(nodes[j].Type); a != b {
			return a < b
		}
		return nodes[i].Name < nodes[j].Name
	})
	return nodes, nil
}

func canonIP(s string) string {
	if ip := net.ParseIP(strings.Trim(s, "[]")); ip != nil {
		return ip.String()
	}
	return s
}

// localAddrs are this host's addresses.
func localAddrs() map[string]bool {
	m := map[string]bool{"127.0.0.1": true, "::1": true}
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok {
			m[ipn.IP.String()] = true
		}
	}
	return m
}

// peersOf is the set of nodes a node peers with, in either direction,
// as the cluster framework's setup-connections connects them: workers
// with loggers, proxies and their manager; proxies with loggers and their
// manager; the manager with loggers.
func peersOf(n Node, all []Node) []string {
	var out []string
	for _, m := range all {
		if m.Name == n.Name || !m.runs() {
			continue
		}
		if connects(n, m) || connects(m, n) {
			out = append(out, m.Name)
		}
	}
	return out
}

// connects says whether a connects to b.
func connects(a, b Node) bool {
	switch a.Type {
	case "worker":
		return b.Type == "logger" || b.Type == "proxy" || (b.Type == "manager" && a.Manager == b.Name)
	case "proxy":
		return b.Type == "logger" || (b.Type == "manager" && a.Manager == b.Name)
	case "manager":
		return b.Type == "logger"
	}
	return false
}

// nodeEnv is base with the settings of set (replacing any there) and
// without the variables named in drop.
func nodeEnv(base []string, set map[string]string, drop ...string) []string {
	var out []string
	for _, kv := range base {
		k := kv
		if i := strings.IndexByte(kv, '='); i >= 0 {
			k = kv[:i]
		}
		if _, ok := set[k]; ok {
			continue
		}
		skip := false
		for _, d := range drop {
			if k == d {
				skip = true
			}
		}
		if !skip {
			out = append(out, kv)
		}
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, k+"="+set[k])
	}
	return out
}
