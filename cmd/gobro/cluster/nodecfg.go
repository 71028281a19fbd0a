package cluster

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
)

// cfgNode is one node of a BroControl node.cfg, after its lb_procs
// expansion.
type cfgNode struct {
	name      string
	typ       string // logger, manager, proxy, worker, standalone
	host      string
	addr      string // host resolved as BroControl resolves it
	iface     string
	count     int // number within its type, in file order
	lbProcs   string
	lbMethod  string
	lbIfaces  string
	otherKeys map[string]string
}

// nodeKeys are the node.cfg options BroControl 2.6 knows (node.py).
var nodeKeys = map[string]bool{
	"type": true, "host": true, "interface": true, "aux_scripts": true,
	"brobase": true, "ether": true, "zone_id": true,
	"lb_procs": true, "lb_method": true, "lb_interfaces": true,
	"pin_cpus": true, "env_vars": true, "count": true,
}

// typeOrder is BroControl's order of node types.
var typeOrder = []string{"standalone", "logger", "manager", "proxy", "worker"}

func typeRank(t string) int {
	for i, x := range typeOrder {
		if x == t {
			return i
		}
	}
	return len(typeOrder)
}

// iniSection is one [section] of an INI file with its keys in order.
type iniSection struct {
	name string
	keys []string
	vals map[string]string
}

// readINI reads the subset of Python's configparser format that node.cfg
// uses: [sections], "key = value" or "key: value" lines (keys folded to
// lower case), comment lines starting with '#' or ';', and continuation
// lines (indented) that extend the previous value.
func readINI(r io.Reader, fname string) ([]*iniSection, error) {
	var secs []*iniSection
	var cur *iniSection
	lastKey := ""
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Text()
		t := strings.TrimSpace(raw)
		if t == "" || t[0] == '#' || t[0] == ';' {
			lastKey = ""
			continue
		}
		if raw[0] == ' ' || raw[0] == '\t' {
			if cur != nil && lastKey != "" {
				cur.vals[lastKey] += "\n" + t
				continue
			}
		}
		if t[0] == '[' && strings.HasSuffix(t, "]") {
			name := strings.TrimSpace(t[1 : len(t)-1])
			for _, s := range secs {
				if s.name == name {
					return nil, fmt.Errorf("%s, line %d: section %q already exists", fname, line, name)
				}
			}
			cur = &iniSection{name: name, vals: map[string]string{}}
			secs = append(secs, cur)
			lastKey = ""
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("File contains no section headers.\nfile: %s, line: %d\n%q", fname, line, raw)
		}
		i := strings.IndexAny(t, "=:")
		if i < 0 {
			return nil, fmt.Errorf("%s, line %d: cannot parse %q", fname, line, raw)
		}
		key := strings.ToLower(strings.TrimSpace(t[:i]))
		val := strings.TrimSpace(t[i+1:])
		if _, ok := cur.vals[key]; !ok {
			cur.keys = append(cur.keys, key)
		}
		cur.vals[key] = val
		lastKey = key
	}
	return secs, sc.Err()
}

// resolveHost resolves a node's host as BroControl does: the first IPv4
// address of the lookup if there is one, else the first address, without
// an IPv6 zone.
var resolveHost = func(host string) (string, error) {
	if ip := net.ParseIP(host); ip != nil {
		return ip.String(), nil
	}
	addrs, err := net.LookupHost(host)
	if err != nil || len(addrs) == 0 {
		return "", fmt.Errorf("hostname lookup failed for '%s' in node config", host)
	}
	pick := addrs[0]
	for _, a := range addrs {
		if !strings.Contains(a, ":") {
			pick = a
			break
		}
	}
	if i := strings.IndexByte(pick, '%'); i >= 0 {
		pick = pick[:i]
	}
	return pick, nil
}

// readNodeCfg reads a node.cfg and checks it as BroControl 2.6 does,
// returning its nodes in BroControl's order (by type, then by number).
// Warnings (unknown options) go to warn.
func readNodeCfg(fname string, warn io.Writer) ([]*cfgNode, error) {
	f, err := os.Open(fname)
	if err != nil {
		return nil, fmt.Errorf("cannot read node config file: %s", fname)
	}
	defer f.Close()
	secs, err := readINI(f, fname)
	if err != nil {
		return nil, err
	}
	var nodes []*cfgNode
	names := map[string]string{} // lower-case name -> name
	add := func(n *cfgNode) error {
		low := strings.ToLower(n.name)
		if prev, ok := names[low]; ok {
			return fmt.Errorf("node name \"%s\" is a duplicate of \"%s\"", n.name, prev)
		}
		names[low] = n.name
		nodes = append(nodes, n)
		return nil
	}
	counts := map[string]int{}
	for _, s := range secs {
		n := &cfgNode{name: s.name, otherKeys: map[string]string{}}
		for _, k := range s.keys {
			v := s.vals[k]
			key := strings.ReplaceAll(k, ".", "_")
			if !nodeKeys[key] {
				fmt.Fprintf(warn, "warning: ignoring unrecognized node config option '%s' given for node '%s'\n", key, s.name)
				continue
			}
			switch key {
			case "type":
				n.typ = v
			case "host":
				n.host = v
			case "interface":
				n.iface = v
			case "lb_procs":
				n.lbProcs = v
			case "lb_method":
				n.lbMethod = v
			case "lb_interfaces":
				n.lbIfaces = v
			default:
				n.otherKeys[key] = v
			}
		}
		if n.typ == "" {
			return nil, fmt.Errorf("no type given for node %s", n.name)
		}
		if typeRank(n.typ) == len(typeOrder) {
			return nil, fmt.Errorf("unknown node type '%s' given for node '%s'", n.typ, n.name)
		}
		if n.host == "" {
			return nil, fmt.Errorf("no host given for node '%s'", n.name)
		}
		if n.addr, err = resolveHost(n.host); err != nil {
			return nil, err
		}
		counts[n.typ]++
		n.count = counts[n.typ]
		procs := 0
		if n.lbProcs != "" {
			if n.typ != "worker" {
				return nil, fmt.Errorf("node '%s' config: load balancing node config options are only for worker nodes", n.name)
			}
			procs, err = strconv.Atoi(n.lbProcs)
			if err != nil {
				return nil, fmt.Errorf("number of load-balanced processes must be an integer for node '%s'", n.name)
			}
			if procs < 1 {
				return nil, fmt.Errorf("number of load-balanced processes must be greater than zero for node '%s'", n.name)
			}
		} else if n.lbMethod != "" {
			return nil, fmt.Errorf("number of load-balanced processes not specified for node '%s'", n.name)
		}
		if n.lbProcs == "" {
			if err := add(n); err != nil {
				return nil, err
			}
			continue
		}
		switch n.lbMethod {
		case "":
			return nil, fmt.Errorf("no load balancing method given for node '%s'", n.name)
		case "pf_ring", "myricom", "custom", "interfaces":
		default:
			return nil, fmt.Errorf("unknown load balancing method '%s' given for node '%s'", n.lbMethod, n.name)
		}
		var ifaces []string
		if n.lbMethod == "interfaces" {
			if n.lbIfaces == "" {
				return nil, fmt.Errorf("list of load-balanced interfaces not specified for node '%s'", n.name)
			}
			ifaces = strings.Split(n.lbIfaces, ",")
			if len(ifaces) != procs {
				return nil, fmt.Errorf("number of load-balanced interfaces is not same as number of load-balanced processes for node '%s'", n.name)
			}
			// BroControl hands the interfaces out from the end of the list.
			n.iface = strings.TrimSpace(ifaces[len(ifaces)-1])
			ifaces = ifaces[:len(ifaces)-1]
		}
		orig := n.name
		n.name = orig + "-1"
		for i := 2; i <= procs; i++ {
			c := *n
			c.name = fmt.Sprintf("%s-%d", orig, i)
			counts[n.typ]++
			c.count = counts[n.typ]
			if n.lbMethod == "interfaces" {
				c.iface = strings.TrimSpace(ifaces[len(ifaces)-1])
				ifaces = ifaces[:len(ifaces)-1]
			}
			if err := add(&c); err != nil {
				return nil, err
			}
		}
		if err := add(n); err != nil {
			return nil, err
		}
	}
	if err := checkNodes(nodes); err != nil {
		return nil, err
	}
	sort.SliceStable(nodes, func(i, j int) bool {
		a, b := nodes[i], nodes[j]
		if ra, rb := typeRank(a.typ), typeRank(b.typ); ra != rb {
			return ra < rb
		}
		return a.count < b.count
	})
	return nodes, nil
}

// checkNodes checks the whole configuration as BroControl does (less its
// demand that the manager run on this very machine, which "gobro cluster
// start" settles for each host).
func checkNodes(nodes []*cfgNode) error {
	if len(nodes) == 0 {
		return fmt.Errorf("no nodes found in node config")
	}
	manager, proxy, standalone := false, false, false
	managerLocalhost := false
	for _, n := range nodes {
		switch n.typ {
		case "manager":
			if manager {
				return fmt.Errorf("only one manager can be defined in node config")
			}
			manager = true
			managerLocalhost = n.addr == "127.0.0.1" || n.addr == "::1"
		case "proxy":
			proxy = true
		case "standalone":
			standalone = true
		}
	}
	if standalone {
		if len(nodes) > 1 {
			return fmt.Errorf("more than one node defined in standalone node config")
		}
		return nil
	}
	if !manager {
		return fmt.Errorf("no manager defined in node config")
	}
	if !proxy {
		return fmt.Errorf("no proxy defined in node config")
	}
	if managerLocalhost {
		for _, n := range nodes {
			if n.typ != "manager" && n.addr != "127.0.0.1" && n.addr != "::1" {
				return fmt.Errorf("all nodes must use localhost/127.0.0.1/::1 when manager uses it")
			}
		}
	}
	return nil
}

// broAddr writes an address as a Bro literal: IPv6 in brackets.
func broAddr(a string) string {
	if strings.Contains(a, ":") {
		return "[" + a + "]"
	}
	return a
}

// layoutOptions are the broctl.cfg settings that shape a layout.
type layoutOptions struct {
	broPort         int    // BroPort: the first port handed out
	timeMachineHost string // TimeMachineHost, empty for none
	timeMachinePort string // TimeMachinePort, as "47757/tcp"
}

// writeLayout writes what BroControl 2.6's make_layout writes for the
// nodes: cluster-layout.bro, or standalone-layout.bro for a standalone
// configuration. Ports are handed out from opts.broPort in BroControl's
// order: control, loggers, manager, proxies, workers.
func writeLayout(nodes []*cfgNode, opts layoutOptions) string {
	var b strings.Builder
	next := opts.broPort
	use := func() int { p := next; next++; return p }
	var manager *cfgNode
	var loggers, proxies, workers []*cfgNode
	standalone := false
	for _, n := range nodes {
		switch n.typ {
		case "manager":
			if manager == nil {
				manager = n
			}
		case "standalone":
			standalone = true
			manager = n
		case "logger":
			loggers = append(loggers, n)
		case "proxy":
			proxies = append(proxies, n)
		case "worker":
			workers = append(workers, n)
		}
	}
	b.WriteString("# Automatically generated. Do not edit.\n")
	if standalone {
		fmt.Fprintf(&b, "redef Broker::default_port = %d/tcp;\n", use())
		b.WriteString("event bro_init()\n\t{\n\tif ( getenv(\"BROCTL_PROCESS_TRACE\") == \"\" )\n\t\tBroker::listen();\n\t}\n")
		return b.String()
	}
	mil := "T"
	if len(loggers) > 0 {
		mil = "F"
	}
	fmt.Fprintf(&b, "redef Cluster::manager_is_logger = %s;\n", mil)
	b.WriteString("redef Cluster::nodes = {\n")
	fmt.Fprintf(&b, "\t[\"control\"] = [$node_type=Cluster::CONTROL, $ip=%s, $p=%d/tcp],\n", broAddr(manager.addr), use())
	for _, n := range loggers {
		fmt.Fprintf(&b, "\t[\"%s\"] = [$node_type=Cluster::LOGGER, $ip=%s, $p=%d/tcp],\n", n.name, broAddr(n.addr), use())
	}
	fmt.Fprintf(&b, "\t[\"%s\"] = [$node_type=Cluster::MANAGER, $ip=%s, $p=%d/tcp],\n", manager.name, broAddr(manager.addr), use())
	for _, n := range proxies {
		fmt.Fprintf(&b, "\t[\"%s\"] = [$node_type=Cluster::PROXY, $ip=%s, $p=%d/tcp, $manager=\"%s\"],\n", n.name, broAddr(n.addr), use(), manager.name)
	}
	for _, n := range workers {
		fmt.Fprintf(&b, "\t[\"%s\"] = [$node_type=Cluster::WORKER, $ip=%s, $p=%d/tcp, $interface=\"%s\", $manager=\"%s\"],\n", n.name, broAddr(n.addr), use(), n.iface, manager.name)
	}
	if opts.timeMachineHost != "" {
		fmt.Fprintf(&b, "\t[\"time-machine\"] = [$node_type=Cluster::TIME_MACHINE, $ip=%s, $p=%s],\n", opts.timeMachineHost, opts.timeMachinePort)
	}
	b.WriteString("};\n")
	return b.String()
}
