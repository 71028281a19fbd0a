package dns

import (
	"bytes"
	"context"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	_ "gobro/builtins/process" // terminate
	"gobro/runtime/interp"
	"gobro/runtime/loader"
)

// stub answers lookups from fixed data.
type stub struct{}

var errNoSuchHost = errors.New("no such host")

func (stub) LookupAddr(_ context.Context, addr string) ([]string, error) {
	if addr == "1.2.3.4" {
		return []string{"host.example."}, nil
	}
	return nil, errNoSuchHost
}

func (stub) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if host == "good" {
		return []netip.Addr{netip.MustParseAddr("1.2.3.4"), netip.MustParseAddr("::ffff:5.6.7.8")}, nil
	}
	return nil, errNoSuchHost
}

func (stub) LookupTXT(_ context.Context, name string) ([]string, error) {
	if name == "t" {
		return []string{"v=spf1 -all", "second"}, nil
	}
	return nil, errNoSuchHost
}

// run loads and runs src after a minimal init-bare declaring the
// lookups, and returns what it printed, line by line, sorted.
func run(t *testing.T, src string) []string {
	t.Helper()
	dir := t.TempDir()
	bare := `global bro_init: event();
global bro_done: event();
type addr_set: set[addr];
global terminate: function(): bool;
global lookup_addr: function(host: addr): string;
global lookup_hostname: function(host: string): addr_set;
global lookup_hostname_txt: function(host: string): string;
`
	for name, text := range map[string]string{"init-bare.bro": bare, "t.bro": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var o, e bytes.Buffer
	in := interp.New(&o, &e)
	l := loader.New([]string{dir}, in)
	for _, f := range []string{"init-bare", "t"} {
		if err := l.Load(f); err != nil {
			t.Fatal(err)
		}
	}
	if in.Errors() != 0 {
		t.Fatal(e.String())
	}
	in.Run()
	lines := strings.Split(strings.TrimSpace(o.String()), "\n")
	sort.Strings(lines)
	return lines
}

// Real lookups go to the resolver in the background; failures yield
// Bro's "<???>" and {0.0.0.0}.
func TestLookupsAskTheResolver(t *testing.T) {
	old, oldFake := resolver, fake
	resolver, fake = stub{}, false
	defer func() { resolver, fake = old, oldFake }()
	got := run(t, `
global exit_only_after_terminate = T;
global answers = 0;
function answered() { if ( ++answers == 6 ) terminate(); }
event bro_init()
	{
	when ( local a = lookup_addr(1.2.3.4) ) { print "addr", a; answered(); }
	when ( local b = lookup_addr(5.5.5.5) ) { print "no addr", b; answered(); }
	when ( local h = lookup_hostname("good") ) { print "host", |h|, 1.2.3.4 in h, 5.6.7.8 in h; answered(); }
	when ( local i = lookup_hostname("bad") ) { print "no host", i; answered(); }
	when ( local x = lookup_hostname_txt("t") ) { print "txt", x; answered(); }
	when ( local y = lookup_hostname_txt("u") ) { print "no txt", y; answered(); }
	}
`)
	want := []string{
		"addr, host.example",
		"host, 2, T, T",
		"no addr, <???>",
		"no host, {",
		"no txt, <???>",
		"txt, v=spf1 -all",
		"}",
		"0.0.0.0",
	}
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFakeAddrIsTheNamesDigest(t *testing.T) {
	if got := FakeAddr("www.bro.org").String(); got != "1cb7:3f5b:fbbe:bda0:91aa:d627:a60c:cb31" {
		t.Errorf("got %s", got)
	}
}
