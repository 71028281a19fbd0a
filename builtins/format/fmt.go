package format

import (
	"math"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// checkFmt checks a call of fmt while the script is checked, as Bro
// does: the first argument must be a string, and a constant format must
// not end in a bare '%' and must have one argument per directive.
func checkFmt(ck *interp.Check) bool {
	if len(ck.Types) == 0 {
		return true
	}
	if ck.Types[0].Kind() != types.String {
		ck.Error("first argument to fmt() needs to be a format string")
		return false
	}
	v, ok := ck.Const(0)
	if !ok {
		return true
	}
	f := v.AsString()
	if strings.IndexByte(f, 0) >= 0 {
		f = withNUL
	}
	directives := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		i++
		if i == len(f) {
			ck.Error("format string ends with bare '%'")
			return false
		}
		if f[i] != '%' {
			directives++
		}
	}
	if len(ck.Types) != directives+1 {
		ck.Error("mismatch between format string to fmt() and number of arguments passed")
		return false
	}
	return true
}

// withNUL is what Bro's CheckString gives C code for a string holding
// a NUL, after reporting it.
const withNUL = "<string-with-NUL>"

// formatter is one run of fmt: the format text still to read, the
// output so far, and the arguments.
type formatter struct {
	c    *interp.Call
	f    string // the remaining format text
	out  []byte
	args []value.Value
	n    int // index of the last argument consumed
}

// bifFmt formats its arguments printf-style, with Bro's directives.
func bifFmt(c *interp.Call, args []value.Value) value.Value {
	if len(args) == 0 {
		return value.String("")
	}
	fv, ft := unpack(args[0])
	if ft.Kind() != types.String {
		return value.String("")
	}
	format := fv.AsString()
	if strings.IndexByte(format, 0) >= 0 {
		c.ReporterError("string with embedded NUL: \"%s\"", value.EscapeString(format))
		format = withNUL
	}
	fm := &formatter{c: c, f: format, args: args, out: make([]byte, 0, len(format)+24)}
	for fm.next() {
	}
	switch {
	case fm.n < len(args)-1:
		c.BuiltinErrorValue("too many arguments for format", fv, ft)
		return value.String("")
	case fm.n >= len(args):
		c.BuiltinErrorValue("too few arguments for format", fv, ft)
		return value.String("")
	}
	return value.String(string(fm.out))
}

// next copies text up to the next directive and formats that directive;
// it reports whether there is more to do.
func (fm *formatter) next() bool {
	for {
		i := strings.IndexByte(fm.f, '%')
		if i < 0 {
			fm.out = append(fm.out, fm.f...)
			fm.f = ""
			return false
		}
		fm.out = append(fm.out, fm.f[:i]...)
		fm.f = fm.f[i+1:]
		if strings.HasPrefix(fm.f, "%") {
			fm.out = append(fm.out, '%')
			fm.f = fm.f[1:]
			continue
		}
		fm.n++
		if fm.n >= len(fm.args) {
			return false
		}
		if fm.f == "" {
			// A bare '%' at the end of a format that was not a
			// constant: nothing names a conversion.
			fm.c.BuiltinError("bad format")
			return false
		}
		fm.directive(fm.args[fm.n])
		return fm.f != ""
	}
}

// leadingInt reads a decimal number at the start of fm.f.
func (fm *formatter) leadingInt() int {
	k := 0
	for len(fm.f) > 0 && fm.f[0] >= '0' && fm.f[0] <= '9' {
		if k < 1<<20 {
			k = k*10 + int(fm.f[0]-'0')
		}
		fm.f = fm.f[1:]
	}
	return k
}

// spec is a directive's flags, width and precision.
type spec struct {
	left, zero bool
	width      int // -1 if none
	prec       int // -1 if none
}

// directive formats one argument by the directive at the start of fm.f.
func (fm *formatter) directive(arg value.Value) {
	v, t := unpack(arg)
	sp := spec{width: -1, prec: -1}
	if strings.HasPrefix(fm.f, "-") {
		sp.left = true
		fm.f = fm.f[1:]
	}
	if len(fm.f) > 0 && fm.f[0] >= '0' && fm.f[0] <= '9' {
		if fm.f[0] == '0' {
			sp.zero = true
			fm.f = fm.f[1:]
		}
		sp.width = fm.leadingInt()
	}
	if strings.HasPrefix(fm.f, ".") {
		fm.f = fm.f[1:]
		sp.prec = fm.leadingInt()
	}
	if sp.width > 128 || sp.prec > 128 {
		// Bro gives up on the directive here, leaving its letter to be
		// copied as text.
		fm.c.BuiltinError("excessive field width or precision")
		return
	}
	verb := byte(0)
	if fm.f != "" {
		verb = fm.f[0]
	}
	if sp.prec >= 0 && verb != 'e' && verb != 'f' && verb != 'g' {
		fm.c.BuiltinError("precision specified for non-floating point")
	}

	var s string
	switch verb {
	case 'D', 'T':
		if t.Kind() != types.Time {
			fm.c.BuiltinErrorValue("bad type for Date/Time format", v, t)
			break
		}
		s = formatDateTime(v.AsDouble(), verb == 'T')
	case 'd', 'x':
		if verb == 'x' && t.Kind() == types.Addr {
			s = addrHex(v.AsAddr())
			break
		}
		var ok bool
		s, ok = formatIntegral(v, t, verb, sp)
		if !ok {
			fm.c.BuiltinErrorValue("bad type for %d/%x format", v, t)
		}
	case 's':
		s = value.RenderRaw(v, t)
	case 'e', 'f', 'g':
		switch t.Kind() {
		case types.Double, types.Time, types.Interval:
			s = formatFloat(v.AsDouble(), verb, sp)
		default:
			fm.c.BuiltinErrorValue("bad type for floating-point format", v, t)
		}
	default:
		fm.c.BuiltinError("bad format")
	}

	if sp.width > 0 && !sp.left {
		for n := len(value.CString(s)); n < sp.width; n++ {
			fm.out = append(fm.out, ' ')
		}
	}
	fm.out = append(fm.out, s...)
	if sp.width > 0 && sp.left {
		for n := len(s); n < sp.width; n++ {
			fm.out = append(fm.out, ' ')
		}
	}
	if fm.f != "" {
		fm.f = fm.f[1:]
	}
}

// formatDateTime writes a time as %D ("2009-02-13-23:31:30") or %T
// (minutes, then seconds with nine fraction digits) in the local zone.
func formatDateTime(secs float64, withFraction bool) string {
	whole := int64(secs)
	if secs != secs || secs > math.MaxInt64 || secs < math.MinInt64 {
		whole = math.MinInt64
	}
	tm := time.Unix(whole, 0).Local()
	if !withFraction {
		return tm.Format("2006-01-02-15:04:05")
	}
	u := uint64(secs)
	frac := float64(u%60) + secs - float64(u)
	return tm.Format("2006-01-02-15:04") + ":" + padLeft(strconv.FormatFloat(frac, 'f', 9, 64), 12, '0')
}

func padLeft(s string, width int, pad byte) string {
	if len(s) >= width {
		return s
	}
	return strings.Repeat(string(pad), width-len(s)) + s
}

// addrHex writes an address as Bro's %x does: eight hex digits per
// 32-bit word, one word for IPv4 and four for IPv6.
func addrHex(a netip.Addr) string {
	if a.Is4() || a.Is4In6() {
		b := a.Unmap().As4()
		return padLeft(strconv.FormatUint(uint64(b[0])<<24|uint64(b[1])<<16|uint64(b[2])<<8|uint64(b[3]), 16), 8, '0')
	}
	b := a.As16()
	var out []byte
	for i := 0; i < 16; i += 4 {
		w := uint64(b[i])<<24 | uint64(b[i+1])<<16 | uint64(b[i+2])<<8 | uint64(b[i+3])
		out = append(out, padLeft(strconv.FormatUint(w, 16), 8, '0')...)
	}
	return string(out)
}

// formatIntegral writes a bool, enum, int, count or port for %d or %x,
// as C's %lld/%llu/%llx do with the directive's width and precision.
func formatIntegral(v value.Value, t types.Type, verb byte, sp spec) (string, bool) {
	var u uint64
	neg := false
	switch t.Kind() {
	case types.Count, types.Counter:
		u = v.AsCount()
	case types.Port:
		num, _ := v.AsPort()
		u = uint64(num)
	case types.Bool, types.Enum, types.Int:
		i := v.AsInt()
		if verb == 'd' && i < 0 {
			neg = true
			u = uint64(-i)
		} else {
			u = uint64(i)
		}
	default:
		return "", false
	}
	base := 10
	if verb == 'x' {
		base = 16
	}
	digits := strconv.FormatUint(u, base)
	if sp.prec >= 0 {
		if sp.prec == 0 && u == 0 {
			digits = ""
		}
		digits = padLeft(digits, sp.prec, '0')
	}
	sign := ""
	if neg {
		sign = "-"
	}
	body := sign + digits
	if sp.width > len(body) {
		switch {
		case sp.left:
			body += strings.Repeat(" ", sp.width-len(body))
		case sp.zero && sp.prec < 0:
			body = sign + strings.Repeat("0", sp.width-len(body)) + digits
		default:
			body = strings.Repeat(" ", sp.width-len(body)) + body
		}
	}
	return body, true
}

// formatFloat writes a double as C's %e, %f or %g do with the
// directive's flags, width and precision.
func formatFloat(f float64, verb byte, sp spec) string {
	prec := sp.prec
	if prec < 0 {
		prec = 6
	}
	var body string
	switch {
	case math.IsNaN(f):
		body = "nan"
		if math.Signbit(f) {
			body = "-nan"
		}
	case math.IsInf(f, 0):
		body = "inf"
		if f < 0 {
			body = "-inf"
		}
	default:
		body = cFloat(f, verb, prec)
	}
	if sp.width > len(body) {
		switch {
		case sp.left:
			body += strings.Repeat(" ", sp.width-len(body))
		case sp.zero && !math.IsNaN(f) && !math.IsInf(f, 0):
			sign := ""
			if strings.HasPrefix(body, "-") {
				sign, body = "-", body[1:]
			}
			body = sign + strings.Repeat("0", sp.width-len(body)-len(sign)) + body
		default:
			body = strings.Repeat(" ", sp.width-len(body)) + body
		}
	}
	return body
}

// cFloat is C's %.*e, %.*f or %.*g of a finite number.
func cFloat(f float64, verb byte, prec int) string {
	switch verb {
	case 'e':
		return strconv.FormatFloat(f, 'e', prec, 64)
	case 'f':
		return strconv.FormatFloat(f, 'f', prec, 64)
	}
	if prec == 0 {
		prec = 1
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	// C picks the style from the exponent the %e form would have.
	e := strconv.FormatFloat(f, 'e', prec-1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	var s string
	if exp < -4 || exp >= prec {
		s = e
		mant, rest, _ := strings.Cut(s, "e")
		if strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		return mant + "e" + rest
	}
	s = strconv.FormatFloat(f, 'f', prec-1-exp, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}
