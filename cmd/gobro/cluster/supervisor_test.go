package cluster

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestBackoff: a node that keeps dying soon after its start waits 0.5 s,
// then 1, 2, 4 ... up to a minute; one that ran for a minute or more
// starts the sequence again.
func TestBackoff(t *testing.T) {
	s := &supervisor{dir: t.TempDir(), log: io.Discard}
	ns := &nodeState{Name: "worker-1"}
	var got []time.Duration
	for i := 0; i < 10; i++ {
		before := time.Now()
		s.schedule(ns, time.Now())
		got = append(got, ns.NextStart.Sub(before).Round(100*time.Millisecond))
	}
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second,
		8 * time.Second, 16 * time.Second, 32 * time.Second, time.Minute, time.Minute, time.Minute}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("delays %v, want %v", got, want)
	}
	before := time.Now()
	s.schedule(ns, time.Now().Add(-2*time.Minute))
	if d := ns.NextStart.Sub(before).Round(100 * time.Millisecond); d != 500*time.Millisecond {
		t.Errorf("after a long run: delay %v, want 500ms", d)
	}
	if ns.Restarts != 11 || ns.State != "crashed" {
		t.Errorf("restarts %d state %s", ns.Restarts, ns.State)
	}
}

// TestPeersOf: the peerings of Bro 2.6's setup-connections, either way.
func TestPeersOf(t *testing.T) {
	nodes := []Node{
		{Name: "control", Type: "control"},
		{Name: "logger-1", Type: "logger"},
		{Name: "manager", Type: "manager"},
		{Name: "proxy-1", Type: "proxy", Manager: "manager"},
		{Name: "worker-1", Type: "worker", Manager: "manager"},
		{Name: "worker-2", Type: "worker", Manager: "manager"},
	}
	want := map[string][]string{
		"logger-1": {"manager", "proxy-1", "worker-1", "worker-2"},
		"manager":  {"logger-1", "proxy-1", "worker-1", "worker-2"},
		"proxy-1":  {"logger-1", "manager", "worker-1", "worker-2"},
		"worker-1": {"logger-1", "manager", "proxy-1"},
	}
	for _, n := range nodes {
		w, ok := want[n.Name]
		if !ok {
			continue
		}
		if got := peersOf(n, nodes); !reflect.DeepEqual(got, w) {
			t.Errorf("%s: %v, want %v", n.Name, got, w)
		}
	}
}

// TestReadStatus: a status file counts only once it is complete.
func TestReadStatus(t *testing.T) {
	p := filepath.Join(t.TempDir(), "status")
	text := "node manager\npid 42\ntime 1.5\nup worker-1 1.25\nmsgs_in 7\nmsgs_out 8\nlog_writes 3\n"
	os.WriteFile(p, []byte(text), 0o644)
	if s := readStatus(p); s != nil {
		t.Errorf("incomplete file read: %+v", s)
	}
	os.WriteFile(p, []byte(text+"end\n"), 0o644)
	s := readStatus(p)
	if s == nil || s.pid != 42 || s.up["worker-1"] != 1.25 || s.msgsIn != 7 || s.msgsOut != 8 || s.logWrites != 3 {
		t.Errorf("got %+v", s)
	}
}

// TestNodeEnv: settings replace inherited ones; dropped names go.
func TestNodeEnv(t *testing.T) {
	got := nodeEnv([]string{"A=1", "CLUSTER_NODE=x", "B=2", "BROPATH=old"},
		map[string]string{"BROPATH": "new"}, "CLUSTER_NODE")
	want := []string{"A=1", "B=2", "BROPATH=new"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
