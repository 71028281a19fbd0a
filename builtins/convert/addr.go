package convert

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("to_addr", bifToAddr)
	interp.Register("to_subnet", bifToSubnet)
	interp.Register("addr_to_subnet", bifAddrToSubnet)
	interp.Register("subnet_to_addr", bifSubnetToAddr)
	interp.Register("subnet_width", bifSubnetWidth)
	interp.Register("count_to_v4_addr", bifCountToV4Addr)
	interp.Register("raw_bytes_to_v4_addr", bifRawBytesToV4Addr)
	interp.Register("ptr_name_to_addr", bifPtrNameToAddr)
	interp.Register("addr_to_ptr_name", bifAddrToPtrName)
	interp.Register("mask_addr", bifMaskAddr)
	interp.Register("remask_addr", bifRemaskAddr)
	interp.Register("is_v4_addr", func(_ *interp.Call, a []value.Value) value.Value { return value.Bool(isV4(a[0].AsAddr())) })
	interp.Register("is_v6_addr", func(_ *interp.Call, a []value.Value) value.Value { return value.Bool(!isV4(a[0].AsAddr())) })
	interp.Register("is_v4_subnet", func(_ *interp.Call, a []value.Value) value.Value { return value.Bool(isV4(a[0].AsSubnet().Addr())) })
	interp.Register("is_v6_subnet", func(_ *interp.Call, a []value.Value) value.Value { return value.Bool(!isV4(a[0].AsSubnet().Addr())) })
	interp.Register("addr_to_counts", bifAddrToCounts)
	interp.Register("counts_to_addr", bifCountsToAddr)
}

// isV4 reports whether Bro counts an address as IPv4: a plain or an
// IPv4-mapped one (Bro keeps every address as IPv6 and calls the mapped
// ones IPv4).
func isV4(a netip.Addr) bool { return a.Is4() || a.Is4In6() }

// ParseAddr reads an address as Bro does: text without a colon must be
// four decimal numbers 0-255 separated by dots (leading zeros, white
// space and signs allowed, as C's %d reads them); anything else must be
// IPv6 text as inet_pton accepts it.
func ParseAddr(s string) (netip.Addr, bool) {
	if !strings.Contains(s, ":") {
		var b [4]byte
		rest := s
		for i := 0; i < 4; i++ {
			if i > 0 {
				if !strings.HasPrefix(rest, ".") {
					return netip.Addr{}, false
				}
				rest = rest[1:]
			}
			n, used := strtol(rest)
			if used == 0 || n < 0 || n > 255 {
				return netip.Addr{}, false
			}
			b[i] = byte(n)
			rest = rest[used:]
		}
		if rest != "" {
			return netip.Addr{}, false
		}
		return netip.AddrFrom4(b), true
	}
	if strings.ContainsAny(s, "%[]") {
		return netip.Addr{}, false
	}
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is6() {
		return netip.Addr{}, false
	}
	if a.Is4In6() {
		return a.Unmap(), true
	}
	return a, true
}

func bifToAddr(c *interp.Call, args []value.Value) value.Value {
	s := value.EscapeString(args[0].AsString())
	a, ok := ParseAddr(s)
	if !ok {
		c.ReporterError("%s", "Bad IP address: "+s)
		return value.Addr(netip.IPv6Unspecified())
	}
	return value.Addr(a)
}

// ParseSubnet reads "address/width" as Bro does; an IPv4 width is at
// most 32.
func ParseSubnet(s string) (netip.Prefix, bool) {
	addr, width, found := strings.Cut(s, "/")
	if !found || width == "" {
		return netip.Prefix{}, false
	}
	n, used := strtol(width)
	if used != len(width) || n < 0 {
		return netip.Prefix{}, false
	}
	a, ok := ParseAddr(addr)
	if !ok || n > int64(a.BitLen()) {
		return netip.Prefix{}, false
	}
	p, err := a.Prefix(int(n))
	return p, err == nil
}

func bifToSubnet(c *interp.Call, args []value.Value) value.Value {
	s := value.EscapeString(args[0].AsString())
	p, ok := ParseSubnet(s)
	if !ok {
		c.ReporterError("%s", "Bad string in SubNetVal ctor: "+s)
		return value.Subnet(netip.PrefixFrom(netip.IPv6Unspecified(), 0))
	}
	return value.Subnet(p)
}

func bifAddrToSubnet(_ *interp.Call, args []value.Value) value.Value {
	a := args[0].AsAddr()
	return value.Subnet(netip.PrefixFrom(a, a.BitLen()))
}

func bifSubnetToAddr(_ *interp.Call, args []value.Value) value.Value {
	return value.Addr(args[0].AsSubnet().Addr())
}

func bifSubnetWidth(_ *interp.Call, args []value.Value) value.Value {
	return value.Count(uint64(args[0].AsSubnet().Bits()))
}

func bifCountToV4Addr(c *interp.Call, args []value.Value) value.Value {
	n := args[0].AsCount()
	if n > 0xffffffff {
		c.BuiltinErrorValue("conversion of non-IPv4 count to addr", args[0], types.CountType)
		return value.Addr(netip.AddrFrom4([4]byte{}))
	}
	return value.Addr(netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}))
}

func bifRawBytesToV4Addr(c *interp.Call, args []value.Value) value.Value {
	b := args[0].AsString()
	if len(b) < 4 {
		c.BuiltinError("too short a string as input to raw_bytes_to_v4_addr()")
		return value.Addr(netip.AddrFrom4([4]byte{}))
	}
	return value.Addr(netip.AddrFrom4([4]byte{b[0], b[1], b[2], b[3]}))
}

// bifPtrNameToAddr reads "d.c.b.a.in-addr.arpa" (C's %d for each
// number, the low byte of each kept) or, for a 72-byte name, the 32
// nibbles of an ip6.arpa name.
func bifPtrNameToAddr(c *interp.Call, args []value.Value) value.Value {
	s := args[0].AsString()
	if len(s) != 72 {
		var n [4]int64
		rest := checkString(c, s)
		ok := true
		for i := 0; i < 4 && ok; i++ {
			v, used := strtol(rest)
			if used == 0 || !strings.HasPrefix(rest[used:], ".") {
				ok = false
				break
			}
			n[i] = int64(int32(v))
			rest = rest[used+1:]
		}
		rest = strings.TrimLeft(rest, " \t\n\v\f\r")
		if end := strings.IndexAny(rest, " \t\n\v\f\r"); end >= 0 {
			rest = rest[:end]
		}
		if len(rest) > 12 {
			rest = rest[:12]
		}
		if !ok || rest != "in-addr.arpa" {
			c.BuiltinErrorValue("bad PTR name", args[0], types.StringType)
			return value.Addr(netip.AddrFrom4([4]byte{}))
		}
		return value.Addr(netip.AddrFrom4([4]byte{byte(n[3]), byte(n[2]), byte(n[1]), byte(n[0])}))
	}
	var b [16]byte
	ok := true
	for i := 0; i < 32; i++ {
		h := s[2*i]
		v, err := strconv.ParseUint(string(h), 16, 8)
		if err != nil || s[2*i+1] != '.' {
			ok = false
			break
		}
		nib := 31 - i
		if nib%2 == 0 {
			b[nib/2] |= byte(v) << 4
		} else {
			b[nib/2] |= byte(v)
		}
	}
	if !ok || s[64:] != "ip6.arpa" {
		c.BuiltinErrorValue("bad PTR name", args[0], types.StringType)
		return value.Addr(netip.IPv6Unspecified())
	}
	a := netip.AddrFrom16(b)
	if a.Is4In6() {
		a = a.Unmap()
	}
	return value.Addr(a)
}

func bifAddrToPtrName(_ *interp.Call, args []value.Value) value.Value {
	a := args[0].AsAddr()
	if isV4(a) {
		b := a.Unmap().As4()
		return value.String(fmt.Sprintf("%d.%d.%d.%d.in-addr.arpa", b[3], b[2], b[1], b[0]))
	}
	b := a.As16()
	var out []byte
	const hex = "0123456789abcdef"
	for i := 15; i >= 0; i-- {
		out = append(out, hex[b[i]&0xf], '.', hex[b[i]>>4], '.')
	}
	return value.String(string(out) + "ip6.arpa")
}

// bifMaskAddr keeps the top bits of an address. A width beyond the
// address's is reported and the address kept whole, as Bro's IPPrefix
// does.
func bifMaskAddr(c *interp.Call, args []value.Value) value.Value {
	a := args[0].AsAddr()
	n := args[1].AsCount()
	if n > uint64(a.BitLen()) {
		if isV4(a) {
			c.ReporterError("%s", fmt.Sprintf("Bad IPAddr(v4) IPPrefix length : %d", n))
		} else {
			c.ReporterError("%s", fmt.Sprintf("Bad IPAddr(v6) IPPrefix length : %d", n))
		}
		n = uint64(a.BitLen())
	}
	p, _ := a.Prefix(int(n))
	return value.Subnet(p)
}

// bifRemaskAddr counts bits in the IPv6 form of the addresses, IPv4
// ones included (they start at bit 96).
func bifRemaskAddr(_ *interp.Call, args []value.Value) value.Value {
	a1, a2 := args[0].AsAddr().As16(), args[1].AsAddr().As16()
	top := args[2].AsCount()
	var out [16]byte
	for i := 0; i < 128; i++ {
		src := a2
		if uint64(i) < top {
			src = a1
		}
		if src[i/8]&(0x80>>(i%8)) != 0 {
			out[i/8] |= 0x80 >> (i % 8)
		}
	}
	a := netip.AddrFrom16(out)
	if a.Is4In6() {
		a = a.Unmap()
	}
	return value.Addr(a)
}

func bifAddrToCounts(_ *interp.Call, args []value.Value) value.Value {
	a := args[0].AsAddr()
	vt := &types.VectorType{Elem: types.CountType}
	vec := &value.Vector{Type: vt}
	if isV4(a) {
		b := a.Unmap().As4()
		vec.Elems = append(vec.Elems, value.Count(uint64(b[0])<<24|uint64(b[1])<<16|uint64(b[2])<<8|uint64(b[3])))
	} else {
		b := a.As16()
		for i := 0; i < 16; i += 4 {
			vec.Elems = append(vec.Elems, value.Count(uint64(b[i])<<24|uint64(b[i+1])<<16|uint64(b[i+2])<<8|uint64(b[i+3])))
		}
	}
	return value.Value{R: vec}
}

func bifCountsToAddr(c *interp.Call, args []value.Value) value.Value {
	vec, _ := args[0].R.(*value.Vector)
	var elems []value.Value
	if vec != nil {
		elems = vec.Elems
	}
	word := func(i int) uint32 { return uint32(elems[i].AsCount()) }
	switch len(elems) {
	case 1:
		w := word(0)
		return value.Addr(netip.AddrFrom4([4]byte{byte(w >> 24), byte(w >> 16), byte(w >> 8), byte(w)}))
	case 4:
		var b [16]byte
		for i := 0; i < 4; i++ {
			w := word(i)
			b[4*i], b[4*i+1], b[4*i+2], b[4*i+3] = byte(w>>24), byte(w>>16), byte(w>>8), byte(w)
		}
		a := netip.AddrFrom16(b)
		if a.Is4In6() {
			a = a.Unmap()
		}
		return value.Addr(a)
	}
	c.BuiltinErrorValue("invalid vector size", args[0], &types.VectorType{Elem: types.CountType})
	return value.Addr(netip.IPv6Unspecified())
}
