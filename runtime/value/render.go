package value

import (
	"math"
	"net/netip"
	"strconv"

	"gobro/runtime/types"
)

// This file reproduces the text Bro 2.6 gives a value in readable mode:
// what print writes, what cat and fmt("%s") return, and what messages
// embed. The three differ in two ways only, both inherited from Bro's
// ODesc: whether string bytes are escaped, and whether lines inside a
// table are indented.

// Mode selects which of Bro's description settings a Desc follows.
type Mode uint8

const (
	// ModePrint is print to stdout or to an ordinary file. Strings are
	// escaped, and nothing is ever indented: Bro's file-backed description
	// keeps no buffer, so it never sees the newline it would indent after.
	ModePrint Mode = iota
	// ModeRaw is cat, fmt's %s and print to a raw-output file. String
	// bytes pass through untouched (so they are also never indented), and
	// every other piece that starts a line inside a table is preceded by
	// one tab per nesting level.
	ModeRaw
	// ModeMessage is an in-memory description in the standard style, the
	// kind Bro builds when a value appears in a message: strings escaped
	// and lines inside tables indented with tabs.
	ModeMessage
)

// Desc accumulates a description. It exists separately from the Render
// functions so that values this package cannot describe on its own
// (functions, whose text includes their statements) can write into the
// same buffer under the same indentation rules.
type Desc struct {
	buf   []byte
	mode  Mode
	level int
	// active are the records, tables and vectors being described, from
	// the outermost in: a value that holds itself is described as
	// "<recursion>" where it recurs, instead of without end.
	active []any
	// Recursed is set once a value recurred.
	Recursed bool
}

// Recursion is what a description shows where a value holds itself.
const Recursion = "<recursion>"

// enter marks c as being described; false (and "<recursion>" written)
// if it already is.
func (d *Desc) enter(c any) bool {
	for _, a := range d.active {
		if a == c {
			d.Add(Recursion)
			d.Recursed = true
			return false
		}
	}
	d.active = append(d.active, c)
	return true
}

func (d *Desc) leave() { d.active = d.active[:len(d.active)-1] }

// NewDesc returns an empty description in mode m.
func NewDesc(m Mode) *Desc { return &Desc{mode: m} }

// String returns the text so far.
func (d *Desc) String() string { return string(d.buf) }

// Mode returns the mode the description was made with.
func (d *Desc) Mode() Mode { return d.mode }

// Add appends s. Bro indents a piece only when it is added right after a
// newline in an in-memory description, and it does so even when the piece
// is empty; Add does the same.
func (d *Desc) Add(s string) {
	if d.mode != ModePrint && len(d.buf) > 0 && d.buf[len(d.buf)-1] == '\n' {
		for i := 0; i < d.level; i++ {
			d.buf = append(d.buf, '\t')
		}
	}
	d.buf = append(d.buf, s...)
}

// AddPlain appends s without indenting it, as Bro does for separators.
func (d *Desc) AddPlain(s string) { d.buf = append(d.buf, s...) }

// SP appends a space; spaces are never indented.
func (d *Desc) SP() { d.buf = append(d.buf, ' ') }

// NL appends a newline; the next Add indents (outside ModePrint).
func (d *Desc) NL() { d.buf = append(d.buf, '\n') }

// PushIndent opens a nesting level and starts a new line, as a table's
// opening brace does.
func (d *Desc) PushIndent() {
	d.level++
	d.NL()
}

// PopIndent closes a nesting level and starts a new line.
func (d *Desc) PopIndent() {
	if d.level > 0 {
		d.level--
	}
	d.NL()
}

// AddBytes appends a string value's bytes: raw in ModeRaw, otherwise
// escaped as EscapeString does.
func (d *Desc) AddBytes(s string) {
	if d.mode == ModeRaw {
		// Bro writes raw string bytes straight to the buffer, bypassing
		// the indentation that Add would apply.
		d.AddPlain(s)
		return
	}
	d.Add(EscapeString(s))
}

// Describer is implemented by the values whose text needs knowledge this
// package lacks: function values (Bro writes a script function's name, a
// newline, then its body's statements; a built-in function's name only),
// files (see DescribeFile) and opaque values that have a description.
type Describer interface {
	// Describe appends the value's text to d.
	Describe(d *Desc)
}

// noDescription is what Bro writes for a value of a kind that has no
// description of its own, such as an opaque value.
const noDescription = "<no value description>"

// AddValue appends v, of type t.
func (d *Desc) AddValue(v Value, t types.Type) {
	if v.IsUnset() {
		d.Add("<uninitialized>")
		return
	}
	if t == nil {
		d.Add(noDescription)
		return
	}
	switch t.Kind() {
	case types.Bool:
		d.Add(FormatBool(v.AsBool()))
	case types.Int:
		d.Add(strconv.FormatInt(v.AsInt(), 10))
	case types.Count, types.Counter:
		d.Add(strconv.FormatUint(v.AsCount(), 10))
	case types.Double:
		d.Add(FormatDouble(v.AsDouble()))
	case types.Time:
		d.Add(FormatTime(v.AsDouble()))
	case types.Interval:
		if v.IsPlainInterval() {
			d.Add(FormatDouble(v.AsDouble()))
			break
		}
		// An interval under a microsecond adds no piece at all, so
		// nothing (not even indentation) is written.
		if s := FormatInterval(v.AsDouble()); s != "" {
			d.Add(s)
		}
	case types.String:
		d.AddBytes(v.AsString())
	case types.Pattern:
		p, _ := v.R.(*Pattern)
		d.Add(FormatPattern(p))
	case types.Enum:
		et, _ := t.(*types.EnumType)
		d.Add(FormatEnum(et, v.AsInt()))
	case types.Port:
		d.Add(FormatPort(v.AsPort()))
	case types.Addr:
		d.Add(FormatAddr(v.AsAddr()))
	case types.Subnet:
		d.Add(FormatSubnet(v.AsSubnet()))
	case types.Any:
		if a, ok := v.R.(*Any); ok && a != nil {
			d.AddValue(a.Value, a.Type)
		} else {
			d.Add(noDescription)
		}
	case types.List:
		// An index list: its values, separated by ", ".
		l, _ := v.R.(*List)
		lt, _ := t.(*types.ListType)
		if l == nil || lt == nil {
			d.Add(noDescription)
			break
		}
		for i, e := range l.Elems {
			if i > 0 {
				d.Add(", ")
			}
			if i < len(lt.Types) {
				d.AddValue(e, lt.Types[i])
			}
		}
	case types.Record:
		d.addRecord(v, t)
	case types.Table:
		d.addTable(v, t)
	case types.Vector:
		d.addVector(v, t)
	case types.Void:
		d.Add("<void value description>")
	default:
		// Functions, files, opaque values and anything else.
		if ds, ok := v.R.(Describer); ok {
			ds.Describe(d)
		} else {
			d.Add(noDescription)
		}
	}
}

func (d *Desc) addRecord(v Value, t types.Type) {
	r, _ := v.R.(*Record)
	rt, _ := t.(*types.RecordType)
	if r != nil && r.Type != nil {
		rt = r.Type
	}
	if r != nil {
		if !d.enter(r) {
			return
		}
		defer d.leave()
	}
	d.Add("[")
	if r != nil && rt != nil {
		for i, f := range rt.Fields {
			if i > 0 {
				d.Add(", ")
			}
			d.Add(f.Name)
			d.Add("=")
			if i < len(r.Fields) {
				d.AddValue(r.Fields[i], f.Type)
			} else {
				d.Add("<uninitialized>")
			}
		}
	}
	d.Add("]")
}

func (d *Desc) addVector(v Value, t types.Type) {
	vec, _ := v.R.(*Vector)
	var elem types.Type
	if vt, ok := t.(*types.VectorType); ok {
		elem = vt.Elem
	}
	if vec != nil && vec.Type != nil {
		elem = vec.Type.Elem
	}
	if vec != nil {
		if !d.enter(vec) {
			return
		}
		defer d.leave()
	}
	d.Add("[")
	if vec != nil {
		for i, e := range vec.Elems {
			// A hole writes nothing, leaving its separators: [1, , 3].
			if !e.IsUnset() {
				d.AddValue(e, elem)
			}
			if i < len(vec.Elems)-1 {
				d.Add(", ")
			}
		}
	}
	d.Add("]")
}

func (d *Desc) addTable(v Value, t types.Type) {
	tbl, _ := v.R.(*Table)
	tt, _ := t.(*types.TableType)
	if tbl != nil && tbl.Type != nil {
		tt = tbl.Type
	}
	if tbl != nil {
		if !d.enter(tbl) {
			return
		}
		defer d.leave()
	}
	d.Add("{")
	d.PushIndent()
	if tbl != nil && tt != nil {
		set := tt.IsSet()
		first := true
		tbl.Each(func(e *Entry) bool {
			if !first {
				d.Add(",")
				d.NL()
			}
			first = false
			dim := len(e.Key)
			if dim != 1 || !set {
				d.Add("[")
			}
			for j, k := range e.Key {
				if j > 0 {
					d.Add(",")
					d.SP()
				}
				var it types.Type
				if j < len(tt.Index) {
					it = tt.Index[j]
				}
				d.AddValue(k, it)
			}
			if set {
				// Bro closes a multi-index set element with "] ",
				// trailing space included.
				if dim != 1 {
					d.Add("]")
					d.SP()
				}
			} else {
				d.Add("] =")
				d.SP()
				d.AddValue(e.Yield, tt.Yield)
			}
			return true
		})
	}
	d.PopIndent()
	d.Add("}")
}

// Render writes v, of type t, as Bro's print shows it.
func Render(v Value, t types.Type) string {
	d := NewDesc(ModePrint)
	d.AddValue(v, t)
	return d.String()
}

// RenderRaw writes v, of type t, as cat(v) and fmt("%s", v) return it:
// string bytes unescaped, table lines tab-indented. Printing the result
// later escapes those tabs and newlines like any other string bytes.
func RenderRaw(v Value, t types.Type) string {
	d := NewDesc(ModeRaw)
	d.AddValue(v, t)
	return d.String()
}

// Cat returns what cat() returns for its arguments: their raw renderings
// back to back, with no separator.
func Cat(vals []Value, ts []types.Type) string {
	d := NewDesc(ModeRaw)
	for i, v := range vals {
		d.AddValue(v, ts[i])
	}
	return d.String()
}

// PrintLine returns the bytes a print statement writes for its arguments
// (without a leading file argument). To an ordinary file Bro separates
// the arguments with ", " and ends with a newline; to a file with raw
// output enabled it writes the raw renderings with no separators and no
// newline.
func PrintLine(vals []Value, ts []types.Type, rawFile bool) string {
	if rawFile {
		return Cat(vals, ts)
	}
	d := NewDesc(ModePrint)
	for i, v := range vals {
		if i > 0 {
			d.Add(", ")
		}
		d.AddValue(v, ts[i])
	}
	d.NL()
	return d.String()
}

// DescribeFile appends a file value's description, `file "name" of
// string`, for file implementations' Describe; an unnamed file omits the
// quoted name.
func DescribeFile(d *Desc, name string, elem types.Type) {
	d.Add("file")
	d.SP()
	if name != "" {
		d.Add("\"")
		d.Add(name)
		d.Add("\"")
		d.SP()
	}
	d.Add("of")
	d.SP()
	if elem != nil {
		d.Add(elem.String())
	} else {
		d.Add("(no type)")
	}
}

// EscapeString returns s as print shows a string: every byte below 0x20
// or above 0x7e becomes \xHH (lower-case hex); everything else, backslash
// and quotes included, is kept.
func EscapeString(s string) string {
	const hex = "0123456789abcdef"
	clean := true
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s)+16)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' {
			b = append(b, '\\', 'x', hex[c>>4], hex[c&0xf])
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}

// FormatBool returns "T" or "F".
func FormatBool(b bool) string {
	if b {
		return "T"
	}
	return "F"
}

// cInt32 converts f to a C int the way x86-64 does: truncation toward
// zero, and the "integer indefinite" value for NaN and out-of-range
// inputs. Bro's double and interval output depends on that conversion.
func cInt32(f float64) int32 {
	if f != f || f <= -2147483649.0 || f >= 2147483648.0 {
		return math.MinInt32
	}
	return int32(f)
}

var pow10 = [...]float64{1, 10, 100, 1000, 10000, 100000, 1000000,
	10000000, 100000000, 1000000000}

// dtoa2 is Bro's modp_dtoa2: prec fraction digits with trailing zeros
// dropped, no decimal point at all when the rounded fraction is zero, and
// C's %e above 2^31-1.
func dtoa2(value float64, prec int) string {
	if value != value {
		return "nan"
	}
	if prec < 0 {
		prec = 0
	} else if prec > 9 {
		prec = 9
	}
	neg := value < 0
	if neg {
		value = -value
	}
	if value > float64(0x7FFFFFFF) {
		if math.IsInf(value, 0) {
			if neg {
				return "-inf"
			}
			return "inf"
		}
		if neg {
			value = -value
		}
		return strconv.FormatFloat(value, 'e', 6, 64)
	}

	whole := int32(value)
	tmp := (value - float64(whole)) * pow10[prec]
	frac := uint32(tmp)
	diff := tmp - float64(frac)
	if diff > 0.5 {
		frac++
		if float64(frac) >= pow10[prec] {
			frac = 0
			whole++
		}
	} else if diff == 0.5 && (frac == 0 || frac&1 == 1) {
		// Round half to even, except that a zero last digit also
		// rounds up; no rollover check here, as in the original.
		frac++
	}

	var out []byte
	if neg {
		out = append(out, '-')
	}
	if prec == 0 {
		diff = value - float64(whole)
		if diff > 0.5 || (diff == 0.5 && whole&1 == 1) {
			whole++
		}
		return string(strconv.AppendInt(out, int64(whole), 10))
	}
	out = strconv.AppendInt(out, int64(whole), 10)
	if frac != 0 {
		count := prec
		for frac%10 == 0 {
			count--
			frac /= 10
		}
		digits := strconv.FormatUint(uint64(frac), 10)
		out = append(out, '.')
		for i := len(digits); i < count; i++ {
			out = append(out, '0')
		}
		out = append(out, digits...)
	}
	return string(out)
}

// FormatDouble returns a double as Bro writes it in readable mode: six
// fraction digits at most, trailing zeros dropped, ".0" appended when the
// value equals its conversion to a C int (so 3 gives "3.0" but 0.9999999
// rounds to "1" and 1e-7 gives "0"), C's %e form ("1.000000e+10") beyond
// 2^31-1, and "nan", "inf", "-inf".
func FormatDouble(f float64) string {
	s := dtoa2(f, 6)
	if f == float64(cInt32(f)) {
		s += ".0"
	}
	return s
}

// FormatTime returns a time as Bro writes it: Bro 2.6 has no separate
// rendering for time, so it is FormatDouble of the epoch seconds.
func FormatTime(t float64) string { return FormatDouble(t) }

var intervalUnits = [...]struct {
	secs float64
	name string
}{
	{24 * 60 * 60, "day"},
	{60 * 60, "hr"},
	{60, "min"},
	{1, "sec"},
	{1e-3, "msec"},
	{1e-6, "usec"},
}

// FormatInterval returns an interval as Bro writes it: "0 secs" for zero,
// otherwise one "N unit" piece per unit from days down to microseconds
// whose truncated count is nonzero, each count written as a double and the
// unit pluralised unless the count is ±1 ("1.0 min 30.0 secs",
// "-1.0 min -30.0 secs"). Whatever is left under a microsecond is dropped,
// so a nonzero interval below that gives "".
func FormatInterval(v float64) string {
	if v == 0 {
		return "0 secs"
	}
	var out []byte
	for _, u := range intervalUnits {
		if v >= u.secs || v <= -u.secs {
			num := float64(cInt32(v / u.secs))
			if num != 0 {
				if len(out) > 0 {
					out = append(out, ' ')
				}
				out = append(out, FormatDouble(num)...)
				out = append(out, ' ')
				out = append(out, u.name...)
				if num != 1 && num != -1 {
					out = append(out, 's')
				}
				v -= num * u.secs
			}
		}
	}
	return string(out)
}

// FormatPort returns "80/tcp", "53/udp", "8/icmp" or "0/unknown".
func FormatPort(num uint32, p Proto) string {
	return strconv.FormatUint(uint64(num), 10) + "/" + p.String()
}

// FormatEnum returns an enum value's full name (with its module prefix,
// as the type stores it), or "<undefined>" for a value with no name.
func FormatEnum(t *types.EnumType, v int64) string {
	if t != nil {
		if n := t.NameOf(v); n != "" {
			return n
		}
	}
	return "<undefined>"
}

// MatcherText returns the text of Bro's exact-match matcher for p, which
// is what print shows between the slashes: the pattern wrapped as
// "^?(...)$?", and for /.../i further wrapped as "(?i:...)". Bro builds
// p1 | p2 and p1 & p2 from their operands' matcher texts, as
// "(t1)|(t2)" and "(t1)(t2)"; a combined Pattern should carry that as its
// Text (not case-insensitive) so that it prints as Bro prints it.
func (p *Pattern) MatcherText() string {
	if p.Raw {
		return p.Text
	}
	t := "^?(" + p.Text + ")$?"
	if p.CaseInsensitive {
		t = "(?i:" + t + ")"
	}
	return t
}

// FormatPattern returns a pattern as print shows it, e.g. /^?(foo)$?/.
func FormatPattern(p *Pattern) string {
	if p == nil {
		return "//"
	}
	return "/" + p.MatcherText() + "/"
}

// FormatAddr returns an address as Bro writes it: IPv4 (including
// IPv4-mapped IPv6) as a dotted quad; IPv6 in hex with the first longest
// run of two or more zero groups shortened to "::", and the last 32 bits
// as a dotted quad when the address starts with ::, ::ffff:0: or is
// ::a.b.c.d with a nonzero seventh group (Bro's own inet_ntop rules,
// which differ from netip's).
func FormatAddr(a netip.Addr) string {
	if !a.IsValid() {
		return "::"
	}
	if a.Is4() || a.Is4In6() {
		return a.Unmap().String()
	}
	b := a.As16()
	var w [8]uint16
	for i := range w {
		w[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	bestBase, bestLen := -1, 0
	curBase, curLen := -1, 0
	for i := 0; i < 8; i++ {
		if w[i] == 0 {
			if curBase == -1 {
				curBase, curLen = i, 1
			} else {
				curLen++
			}
			continue
		}
		if curBase != -1 {
			if bestBase == -1 || curLen > bestLen {
				bestBase, bestLen = curBase, curLen
			}
			curBase = -1
		}
	}
	if curBase != -1 && (bestBase == -1 || curLen > bestLen) {
		bestBase, bestLen = curBase, curLen
	}
	if bestBase != -1 && bestLen < 2 {
		bestBase = -1
	}

	var out []byte
	for i := 0; i < 8; i++ {
		if bestBase != -1 && i >= bestBase && i < bestBase+bestLen {
			if i == bestBase {
				out = append(out, ':')
			}
			continue
		}
		if i != 0 {
			out = append(out, ':')
		}
		if i == 6 && bestBase == 0 && (bestLen == 6 ||
			(bestLen == 5 && w[5] == 0xffff) ||
			(bestLen == 4 && w[4] == 0xffff && w[5] == 0)) {
			out = append(out, netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}).String()...)
			return string(out)
		}
		out = strconv.AppendUint(out, uint64(w[i]), 16)
	}
	if bestBase != -1 && bestBase+bestLen == 8 {
		out = append(out, ':')
	}
	return string(out)
}

// FormatSubnet returns a subnet as Bro writes it, "10.0.0.0/8" or
// "2001:db8::/32". Bro keeps IPv4 subnets as IPv4-mapped IPv6 prefixes,
// so a mapped prefix of 96 bits or more is shown as IPv4 with 96 fewer.
func FormatSubnet(p netip.Prefix) string {
	if !p.IsValid() {
		return "::/0"
	}
	p = p.Masked()
	a, bits := p.Addr(), p.Bits()
	if a.Is4In6() && bits >= 96 {
		a, bits = a.Unmap(), bits-96
	}
	return FormatAddr(a) + "/" + strconv.Itoa(bits)
}
