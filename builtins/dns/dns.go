// Package dns holds the name lookups of a run without packets:
// lookup_addr, lookup_hostname and lookup_hostname_txt. Like Bro 2.6's,
// they are asynchronous: they may only be called in the condition of a
// "when", which waits for the answer. The answer comes from the system's
// resolver (Go's net.Resolver: /etc/hosts, then DNS) within five seconds,
// or, when the environment variable BRO_DNS_FAKE is set as the process
// starts, at once from Bro's fake answers: "fake_addr_lookup_result_ADDR"
// for an address, "fake_text_lookup_result_NAME" for a TXT lookup, and
// for a host name the IPv6 address whose sixteen bytes are the MD5 digest
// of the name. The same answers serve the host name constants of scripts
// (interp.SetHostResolver). Their script declarations are in
// scripts/base/bif/dns.bif.bro.
package dns

import (
	"context"
	"crypto/md5"
	"net"
	"net/netip"
	"os"
	"strings"
	"time"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// lookuper answers the lookups when they are not faked.
type lookuper interface {
	LookupAddr(ctx context.Context, addr string) ([]string, error)
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
	LookupTXT(ctx context.Context, name string) ([]string, error)
}

var (
	// fake is set when BRO_DNS_FAKE is in the environment at start-up
	// (whatever its value), as Bro decides its DNS mode once.
	fake = func() bool { _, ok := os.LookupEnv("BRO_DNS_FAKE"); return ok }()
	// resolver is the system resolver.
	resolver lookuper = net.DefaultResolver
	// timeout is how long a real lookup may take (Bro's DNS_TIMEOUT).
	timeout = 5 * time.Second
)

// What a lookup yields when it fails or times out, as Bro 2.6's
// callbacks give it.
const (
	unknownName = "<???>"
	notInWhen   = "<error>"
)

func init() {
	interp.Register("lookup_addr", lookupAddr)
	interp.Register("lookup_hostname", lookupHostname)
	interp.Register("lookup_hostname_txt", lookupHostnameTxt)
	interp.SetHostResolver(resolveHost)
}

// resolveHost answers a host name constant of a script (www.bro.org) as
// Bro's DNS manager does while it parses: its IPv4 and IPv6 addresses,
// waiting for them, or the fake answer under BRO_DNS_FAKE.
func resolveHost(name string) ([]netip.Addr, bool) {
	if fake {
		return []netip.Addr{FakeAddr(name)}, true
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	addrs, err := resolver.LookupNetIP(ctx, "ip", name)
	if err != nil || len(addrs) == 0 {
		return nil, false
	}
	for i, a := range addrs {
		addrs[i] = a.Unmap()
	}
	return addrs, true
}

func lookupAddr(c *interp.Call, args []value.Value) value.Value {
	p, ok := c.Delay()
	if !ok {
		return value.String(notInWhen)
	}
	a := args[0].AsAddr()
	if fake {
		p.DeliverNow(value.String("fake_addr_lookup_result_" + value.FormatAddr(a)))
		return value.Value{}
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		names, err := resolver.LookupAddr(ctx, a.String())
		if err != nil || len(names) == 0 {
			p.Deliver(value.String(unknownName))
			return
		}
		p.Deliver(value.String(strings.TrimSuffix(names[0], ".")))
	}()
	return value.Value{}
}

func lookupHostnameTxt(c *interp.Call, args []value.Value) value.Value {
	p, ok := c.Delay()
	if !ok {
		return value.String(notInWhen)
	}
	name := c.CheckString(args[0].AsString())
	if fake {
		s := "fake_text_lookup_result_" + name
		// Bro formats it into a buffer of 288 bytes.
		if len(s) > 287 {
			s = s[:287]
		}
		p.DeliverNow(value.String(s))
		return value.Value{}
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		txts, err := resolver.LookupTXT(ctx, name)
		if err != nil || len(txts) == 0 {
			p.Deliver(value.String(unknownName))
			return
		}
		p.Deliver(value.String(txts[0]))
	}()
	return value.Value{}
}

func lookupHostname(c *interp.Call, args []value.Value) value.Value {
	t := addrSetType(c)
	p, ok := c.Delay()
	if !ok {
		return value.Value{R: value.NewTable(t)}
	}
	name := c.CheckString(args[0].AsString())
	if fake {
		p.DeliverNow(addrSet(t, []netip.Addr{FakeAddr(name)}))
		return value.Value{}
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		addrs, err := resolver.LookupNetIP(ctx, "ip", name)
		if err != nil || len(addrs) == 0 {
			// Bro's answer when the lookup times out.
			addrs = []netip.Addr{netip.IPv4Unspecified()}
		}
		p.Deliver(addrSet(t, addrs))
	}()
	return value.Value{}
}

// FakeAddr is the address Bro 2.6's DNS manager gives a host name in fake
// mode: the IPv6 address made of the name's MD5 digest.
func FakeAddr(name string) netip.Addr {
	return netip.AddrFrom16(md5.Sum([]byte(name))).Unmap()
}

// addrSetType returns the declared result type of the call (addr_set).
func addrSetType(c *interp.Call) *types.TableType {
	if g := c.Interp.LookupGlobal(c.Name); g != nil {
		if ft, ok := g.Type.(*types.FuncType); ok {
			if tt, ok := ft.Result.(*types.TableType); ok {
				return tt
			}
		}
	}
	return &types.TableType{Index: []types.Type{types.AddrType}}
}

// addrSet makes a set of addresses.
func addrSet(t *types.TableType, addrs []netip.Addr) value.Value {
	tab := value.NewTable(t)
	for _, a := range addrs {
		tab.Insert([]value.Value{value.Addr(a.Unmap())}, value.Value{})
	}
	return value.Value{R: tab}
}
