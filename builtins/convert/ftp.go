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

// The FTP and NetBIOS helpers of Bro 2.6's analyzer bifs, which scripts
// call on strings alone.

func init() {
	interp.Register("parse_ftp_port", func(c *interp.Call, a []value.Value) value.Value {
		return ftpPort(c, parsePortList(a[0].AsString(), true))
	})
	interp.Register("parse_eftp_port", func(c *interp.Call, a []value.Value) value.Value {
		return ftpPort(c, parseEFTP(a[0].AsString(), true))
	})
	interp.Register("parse_ftp_pasv", bifParseFTPPasv)
	interp.Register("parse_ftp_epsv", bifParseFTPEpsv)
	interp.Register("fmt_ftp_port", bifFmtFTPPort)
	interp.Register("decode_netbios_name", bifDecodeNetbiosName)
	interp.Register("decode_netbios_name_type", bifDecodeNetbiosNameType)
}

// ftpAddr is what the FTP parsers find: an address, a port and whether
// the text was well formed.
type ftpAddr struct {
	h     netip.Addr
	p     uint32
	valid bool
}

func ftpPort(c *interp.Call, f ftpAddr) value.Value {
	rt, _ := c.Interp.LookupType("ftp_port").(*types.RecordType)
	if rt == nil {
		return value.Value{}
	}
	r := c.Interp.NewRecord(rt)
	for i, v := range []value.Value{value.Addr(f.h), value.Port(f.p, value.TCP), value.Bool(f.valid)} {
		if i < len(r.Fields) {
			r.Fields[i] = v
		}
	}
	return value.Value{R: r}
}

// scanInt reads a C "%d": blanks, a sign and digits; n is what it used.
func scanInt(s string) (v int64, n int, ok bool) {
	i := 0
	for i < len(s) && strings.IndexByte(" \t\n\v\f\r", s[i]) >= 0 {
		i++
	}
	start := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == digits {
		return 0, 0, false
	}
	v, _ = strconv.ParseInt(s[start:i], 10, 64)
	return v, i, true
}

// parsePortList reads "h1,h2,h3,h4,p1,p2" (PORT and PASV); present is
// false where there is no text to read at all.
func parsePortList(s string, present bool) ftpAddr {
	zero := ftpAddr{h: netip.AddrFrom4([4]byte{})}
	if !present {
		return zero
	}
	var n [6]int64
	rest := s
	for i := range n {
		if i > 0 {
			if rest == "" || rest[0] != ',' {
				return zero
			}
			rest = rest[1:]
		}
		v, used, ok := scanInt(rest)
		if !ok {
			return zero
		}
		n[i], rest = v, rest[used:]
	}
	good := true
	for _, b := range n {
		if b < 0 || b > 255 {
			good = false
			break
		}
	}
	a := uint32(n[0])<<24 | uint32(n[1])<<16 | uint32(n[2])<<8 | uint32(n[3])
	p := uint32(n[4])<<8 | uint32(n[5])
	if p > 65535 {
		p, good = 0, false
	}
	return ftpAddr{h: netip.AddrFrom4([4]byte{byte(a >> 24), byte(a >> 16), byte(a >> 8), byte(a)}), p: p, valid: good}
}

// strtol reads like C's strtol(s, &end, 10): what it reads and where it
// stopped.
func strtolAt(s string) (int64, int) {
	v, n, ok := scanInt(s)
	if !ok {
		return 0, 0
	}
	return v, n
}

// parseEFTP reads "|proto|addr|port|" (EPRT and EPSV), the first
// character being the delimiter.
func parseEFTP(s string, present bool) ftpAddr {
	out := ftpAddr{h: netip.IPv6Unspecified()}
	if !present {
		return out
	}
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	if s == "" {
		return out
	}
	delim := s[0]
	out.valid = true
	s = s[1:]
	_, n := strtolAt(s)
	if n >= len(s) || s[n] != delim {
		out.valid = false
	}
	s = s[n:]
	if s != "" {
		s = s[1:]
	}
	if s != "" && s[0] != delim {
		end := strings.IndexByte(s, delim)
		if end < 0 {
			end = len(s)
			out.valid = false
		}
		a, err := netip.ParseAddr(s[:end])
		if err != nil || a == netip.IPv6Unspecified() {
			out.valid = false
			a = netip.IPv6Unspecified()
		}
		out.h = a.Unmap()
		if out.h.Is4() {
			out.h = a
		}
	}
	i := strings.IndexByte(s, delim)
	if i >= 0 {
		s = s[i+1:]
		p, n := strtolAt(s)
		if n >= len(s) || s[n] != delim {
			out.valid = false
		}
		if p < 0 || p > 65535 {
			p, out.valid = 0, false
		}
		out.p = uint32(p)
	}
	return out
}

func bifParseFTPPasv(c *interp.Call, a []value.Value) value.Value {
	s := a[0].AsString()
	if i := strings.IndexByte(s, '('); i >= 0 {
		return ftpPort(c, parsePortList(s[i+1:], true))
	}
	if i := strings.Index(s, "PORT"); i >= 0 {
		rest := ""
		if i+5 <= len(s) {
			rest = s[i+5:]
		}
		return ftpPort(c, parsePortList(rest, true))
	}
	if i := strings.IndexByte(s, ','); i >= 0 {
		for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			i--
		}
		return ftpPort(c, parsePortList(s[i:], true))
	}
	return ftpPort(c, parsePortList("", false))
}

func bifParseFTPEpsv(c *interp.Call, a []value.Value) value.Value {
	s := a[0].AsString()
	if i := strings.IndexByte(s, '('); i >= 0 {
		return ftpPort(c, parseEFTP(s[i+1:], true))
	}
	return ftpPort(c, parseEFTP("", false))
}

// bifFmtFTPPort writes an IPv4 address and a port as PORT's
// "h1,h2,h3,h4,p1,p2".
func bifFmtFTPPort(c *interp.Call, a []value.Value) value.Value {
	addr := a[0].AsAddr()
	if !addr.Is4() && !addr.Is4In6() {
		c.BuiltinErrorValue("conversion of non-IPv4 address in fmt_ftp_port", a[0], types.AddrType)
		return value.String("")
	}
	b := addr.Unmap().As4()
	pn, _ := a[1].AsPort()
	return value.String(fmt.Sprintf("%d,%d,%d,%d,%d,%d", b[0], b[1], b[2], b[3], pn>>8, pn&0xff))
}

func upper(b byte) byte {
	if b >= 'a' && b <= 'z' {
		return b - 'a' + 'A'
	}
	return b
}

// bifDecodeNetbiosName decodes NetBIOS's first-level encoding (two
// letters from 'A' per byte) and keeps the name up to its first byte
// that is not printable (bytes below 3, and high ones, pass as Bro's
// signed chars let them).
func bifDecodeNetbiosName(_ *interp.Call, a []value.Value) value.Value {
	s := a[0].AsString()
	var buf [16]int8
	j := 0
	next := func() byte {
		if j < len(s) {
			j++
			return upper(s[j-1])
		}
		return 'A'
	}
	for i := range buf {
		c0 := next()
		c1 := next()
		buf[i] = int8((int(c0)-'A')<<4 + (int(c1) - 'A'))
	}
	out := make([]byte, 0, 15)
	for i := 0; i < 15; i++ {
		c := buf[i]
		printable := c > ' ' && c < 0x7f
		if printable || c < 3 {
			out = append(out, byte(c))
			continue
		}
		break
	}
	return value.String(string(out))
}

// bifDecodeNetbiosNameType decodes the name's suffix byte, its 16th.
func bifDecodeNetbiosNameType(_ *interp.Call, a []value.Value) value.Value {
	s := a[0].AsString()
	if len(s) < 32 {
		return value.Count(0)
	}
	v := int8((int(upper(s[30]))-'A')<<4 + (int(upper(s[31])) - 'A'))
	return value.Count(uint64(int64(v)))
}
