package interp

import (
	"net/netip"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// HostResolver answers the addresses of a host name for the host name
// constants of scripts (google.com), as Bro's DNS manager does while it
// parses: ok is false when the name does not resolve.
type HostResolver func(name string) (addrs []netip.Addr, ok bool)

// hostResolver is set by the DNS builtins (SetHostResolver); without
// one, no name resolves.
var hostResolver HostResolver

// SetHostResolver installs the resolver of host name constants. The
// DNS builtins call it from their init function, so that the constants
// get the answers lookup_hostname gives (Bro's fake ones under
// BRO_DNS_FAKE).
func SetHostResolver(r HostResolver) { hostResolver = r }

// hostSetType is the type of a host name constant: set[addr].
var hostSetType = &types.TableType{Index: []types.Type{types.AddrType}}

// hostConstant is the value of a host name constant: the set of its
// addresses, resolved once per name while the script is read (Bro keeps
// them in its DNS cache), or empty after the warning Bro gives when the
// name does not resolve.
func (in *Interp) hostConstant(c *ast.Const) value.Value {
	addrs, seen := in.hosts[c.Text]
	if !seen {
		ok := false
		if hostResolver != nil {
			addrs, ok = hostResolver(c.Text)
		}
		if !ok {
			in.warnAt(c.Pos, "no such host: %s", c.Text)
		}
		if in.hosts == nil {
			in.hosts = map[string][]netip.Addr{}
		}
		in.hosts[c.Text] = addrs
	}
	tab := value.NewTable(hostSetType)
	for _, a := range addrs {
		tab.Insert([]value.Value{value.Addr(a)}, value.Value{})
	}
	return value.Value{R: tab}
}
