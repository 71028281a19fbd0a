package value

import (
	"net/netip"
	"testing"

	"gobro/runtime/types"
)

func TestLookupBestFindsTheLongestPrefix(t *testing.T) {
	tab := NewTable(&types.TableType{Index: []types.Type{types.SubnetType}, Yield: types.StringType})
	for _, e := range []struct{ net, name string }{
		{"10.0.0.0/8", "ten"}, {"10.1.0.0/16", "ten-one"}, {"10.1.2.3/32", "host"},
		{"2001:db8::/32", "doc"}, {"::/0", "all"},
	} {
		tab.Insert([]Value{Subnet(netip.MustParsePrefix(e.net))}, String(e.name))
	}
	for key, want := range map[Value]string{
		Addr(netip.MustParseAddr("10.1.2.3")):            "host",
		Addr(netip.MustParseAddr("10.1.2.4")):            "ten-one",
		Addr(netip.MustParseAddr("10.9.0.1")):            "ten",
		Addr(netip.MustParseAddr("::ffff:10.9.0.1")):     "ten",
		Addr(netip.MustParseAddr("11.0.0.1")):            "all",
		Addr(netip.MustParseAddr("2001:db8::5")):         "doc",
		Addr(netip.MustParseAddr("2001:db9::5")):         "all",
		Subnet(netip.MustParsePrefix("10.1.7.0/24")):     "ten-one",
		Subnet(netip.MustParsePrefix("10.0.0.0/8")):      "ten",
		Subnet(netip.MustParsePrefix("2001:db8:1::/48")): "doc",
	} {
		got, ok := tab.LookupBest([]Value{key})
		if !ok || got.AsString() != want {
			t.Errorf("LookupBest(%v) = %q, %v; want %q", key.R, got.AsString(), ok, want)
		}
	}
	// Without an IPv6 subnet covering it, an IPv4 address outside every
	// IPv4 subnet is not found; an exact Lookup finds only the subnet
	// itself.
	tab4 := NewTable(&types.TableType{Index: []types.Type{types.SubnetType}})
	tab4.Insert([]Value{Subnet(netip.MustParsePrefix("192.168.0.0/16"))}, Value{})
	if _, ok := tab4.LookupBest([]Value{Addr(netip.MustParseAddr("192.169.0.1"))}); ok {
		t.Error("192.169.0.1 found in 192.168.0.0/16")
	}
	if _, ok := tab4.Lookup([]Value{Subnet(netip.MustParsePrefix("192.168.1.0/24"))}); ok {
		t.Error("exact Lookup matched a longer prefix")
	}
}
