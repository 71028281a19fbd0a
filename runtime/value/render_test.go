package value

import (
	"math"
	"net/netip"
	"testing"

	"gobro/runtime/types"
)

// Evidence cited below:
//   - Baseline X: zeek/zeek testing/btest/Baseline/X (real Bro output).
//   - Val.cc, Desc.cc, modp_numtoa.c, BroString.cc, IPAddr.cc,
//     bro_inet_ntop.c, RE.cc, File.cc, Func.cc, Stmt.cc, bro.bif: the
//     Bro 2.x sources, by function name.

func setOf(idx ...types.Type) *types.TableType { return &types.TableType{Index: idx} }

func tableOf(yield types.Type, idx ...types.Type) *types.TableType {
	return &types.TableType{Index: idx, Yield: yield}
}

func vecOf(t *types.VectorType, elems ...Value) Value {
	return Value{R: &Vector{Type: t, Elems: elems}}
}

func addr(s string) netip.Addr { return netip.MustParseAddr(s) }

func TestPrintTableOfContainers(t *testing.T) {
	// Baseline language.table-init-container-ctors/output: print of a
	// table of set (two-index elements close with "] " and a trailing
	// space), of vector, of table and of record. Nothing is indented in
	// print, and strings inside containers are bare.
	setT := setOf(types.StringType, types.CountType)
	tosT := tableOf(setT, types.CountType)
	s13 := NewTable(setT)
	s13.Insert([]Value{String("bar"), Count(2)}, Value{})
	s13.Insert([]Value{String("foo"), Count(1)}, Value{})
	s5 := NewTable(setT)
	s5.Insert([]Value{String("bah"), Count(3)}, Value{})
	s5.Insert([]Value{String("baz"), Count(4)}, Value{})
	tos := NewTable(tosT)
	tos.Insert([]Value{Count(13)}, Value{R: s13})
	tos.Insert([]Value{Count(5)}, Value{R: s5})
	want := "{\n[5] = {\n[bah, 3] ,\n[baz, 4] \n},\n[13] = {\n[bar, 2] ,\n[foo, 1] \n}\n}"
	if got := Render(Value{R: tos}, tosT); got != want {
		t.Errorf("table of set:\n got %q\nwant %q", got, want)
	}

	vt := &types.VectorType{Elem: types.CountType}
	tovT := tableOf(vt, types.CountType)
	tov := NewTable(tovT)
	tov.Insert([]Value{Count(13)}, vecOf(vt, Count(1), Count(2)))
	tov.Insert([]Value{Count(5)}, vecOf(vt, Count(3), Count(4)))
	want = "{\n[5] = [3, 4],\n[13] = [1, 2]\n}"
	if got := Render(Value{R: tov}, tovT); got != want {
		t.Errorf("table of vector:\n got %q\nwant %q", got, want)
	}

	innerT := tableOf(types.CountType, types.StringType, types.CountType)
	totT := tableOf(innerT, types.CountType)
	i13 := NewTable(innerT)
	i13.Insert([]Value{String("bar"), Count(2)}, Count(2))
	i13.Insert([]Value{String("foo"), Count(1)}, Count(1))
	i5 := NewTable(innerT)
	i5.Insert([]Value{String("bah"), Count(3)}, Count(3))
	i5.Insert([]Value{String("baz"), Count(4)}, Count(4))
	tot := NewTable(totT)
	tot.Insert([]Value{Count(13)}, Value{R: i13})
	tot.Insert([]Value{Count(5)}, Value{R: i5})
	want = "{\n[5] = {\n[bah, 3] = 3,\n[baz, 4] = 4\n},\n[13] = {\n[bar, 2] = 2,\n[foo, 1] = 1\n}\n}"
	if got := Render(Value{R: tot}, totT); got != want {
		t.Errorf("table of table:\n got %q\nwant %q", got, want)
	}

	rt := types.NewRecord("", []*types.Field{
		{Name: "a", Type: types.CountType},
		{Name: "b", Type: types.StringType},
	})
	torT := tableOf(rt, types.CountType)
	tor := NewTable(torT)
	tor.Insert([]Value{Count(13)}, Value{R: &Record{Type: rt, Fields: []Value{Count(1), String("foo")}}})
	tor.Insert([]Value{Count(5)}, Value{R: &Record{Type: rt, Fields: []Value{Count(2), String("bar")}}})
	want = "{\n[5] = [a=2, b=bar],\n[13] = [a=1, b=foo]\n}"
	if got := Render(Value{R: tor}, torT); got != want {
		t.Errorf("table of record:\n got %q\nwant %q", got, want)
	}
}

func TestPrintRecordUninitialized(t *testing.T) {
	// Baseline language.record-extension/output: unset optional fields
	// show <uninitialized>, an empty set is "{", newline, newline, "}",
	// and a string field is bare.
	st := setOf(types.CountType)
	rt := types.NewRecord("Foo", []*types.Field{
		{Name: "a", Type: types.CountType},
		{Name: "b", Type: types.CountType, Optional: true},
		{Name: "myset", Type: st},
		{Name: "c", Type: types.CountType, HasDefault: true},
		{Name: "d", Type: types.StringType, Optional: true},
		{Name: "anotherset", Type: st},
	})
	f1 := &Record{Type: rt, Fields: []Value{Count(21), Unset, {R: NewTable(st)}, Count(42), Unset, {R: NewTable(st)}}}
	f2 := &Record{Type: rt, Fields: []Value{Count(21), Unset, {R: NewTable(st)}, Count(42), String("XXX"), {R: NewTable(st)}}}
	cases := []struct {
		r    *Record
		want string
	}{
		{f1, "[a=21, b=<uninitialized>, myset={\n\n}, c=42, d=<uninitialized>, anotherset={\n\n}]"},
		{f2, "[a=21, b=<uninitialized>, myset={\n\n}, c=42, d=XXX, anotherset={\n\n}]"},
	}
	for _, c := range cases {
		if got := Render(Value{R: c.r}, rt); got != c.want {
			t.Errorf("got %q\nwant %q", got, c.want)
		}
	}
}

func TestFmtPercentS(t *testing.T) {
	// Baseline bifs.fmt/out (fmt("*%10s*", x) lines, padding aside): what
	// %s makes of each type. %s describes into a raw in-memory ODesc
	// (bro.bif do_fmt), so table lines are tab-indented.
	color := types.NewEnum("color")
	color.Add("Red", 0, false)
	color.Add("Blue", 0, false)
	blue, _ := color.Value("Blue")
	vt := &types.VectorType{Elem: types.CountType}
	st := setOf(types.CountType)
	set := NewTable(st)
	for _, n := range []uint64{1, 2, 3} { // walked 3, 2, 1 (TestSmallOrdersOfModel)
		set.Insert([]Value{Count(n)}, Value{})
	}
	tt := tableOf(types.StringType, types.CountType)
	tbl := NewTable(tt)
	tbl.Insert([]Value{Count(2)}, String("bro"))
	tbl.Insert([]Value{Count(1)}, String("test"))

	cases := []struct {
		v    Value
		t    types.Type
		want string
	}{
		{String("test"), types.StringType, "test"},
		{Bool(true), types.BoolType, "T"},
		{Port(160, TCP), types.PortType, "160/tcp"},
		{Addr(addr("127.0.0.1")), types.AddrType, "127.0.0.1"},
		{Subnet(netip.MustParsePrefix("192.168.0.0/16")), types.SubnetType, "192.168.0.0/16"},
		{Addr(addr("::1")), types.AddrType, "::1"},
		{Addr(addr("fe80:1234::1")), types.AddrType, "fe80:1234::1"},
		{Subnet(netip.MustParsePrefix("fe80:1234::/32")), types.SubnetType, "fe80:1234::/32"},
		{Double(3 * 3600), types.IntervalType, "3.0 hrs"},
		{Value{R: &Pattern{Text: "^foo|bar"}}, types.PatternType, "/^?(^foo|bar)$?/"},
		{Enum(blue), color, "Blue"},
		{vecOf(vt, Count(1), Count(2), Count(3)), vt, "[1, 2, 3]"},
		{Value{R: set}, st, "{\n\t3,\n\t2,\n\t1\n}"},
		{Value{R: tbl}, tt, "{\n\t[2] = bro,\n\t[1] = test\n}"},
	}
	for _, c := range cases {
		if got := RenderRaw(c.v, c.t); got != c.want {
			t.Errorf("%s: got %q want %q", c.t, got, c.want)
		}
	}

	// The same baseline prints those fmt results: print escapes the
	// newlines and tabs as \x0a and \x09.
	got := Render(String(RenderRaw(Value{R: set}, st)), types.StringType)
	if want := `{\x0a\x093,\x0a\x092,\x0a\x091\x0a}`; got != want {
		t.Errorf("print of fmt(set): got %q want %q", got, want)
	}
	got = Render(String(RenderRaw(Value{R: tbl}, tt)), types.StringType)
	if want := `{\x0a\x09[2] = bro,\x0a\x09[1] = test\x0a}`; got != want {
		t.Errorf("print of fmt(table): got %q want %q", got, want)
	}
}

func TestCat(t *testing.T) {
	// Baseline bifs.cat/out: cat("foo", 3, T), cat(), cat("", 3, T).
	ts := []types.Type{types.StringType, types.CountType, types.BoolType}
	if got := Cat([]Value{String("foo"), Count(3), Bool(true)}, ts); got != "foo3T" {
		t.Errorf("got %q", got)
	}
	if got := Cat(nil, nil); got != "" {
		t.Errorf("got %q", got)
	}
	if got := Cat([]Value{String(""), Count(3), Bool(true)}, ts); got != "3T" {
		t.Errorf("got %q", got)
	}
}

func TestFormatAddrIPv6Literals(t *testing.T) {
	// Baseline language.ipv6-literals/output, produced by Bro's own
	// inet_ntop (bro_inet_ntop.c), which writes some addresses with an
	// embedded dotted quad where netip would not.
	cases := []struct{ in, want string }{
		{"::1", "::1"},
		{"::ffff", "::ffff"},
		{"::ffff:ffff", "::255.255.255.255"},
		{"::0a0a:ffff", "::10.10.255.255"},
		{"1::1", "1::1"},
		{"1::a", "1::a"},
		{"1::1:1", "1::1:1"},
		{"1::1:a", "1::1:a"},
		{"a::a", "a::a"},
		{"a::1", "a::1"},
		{"a::a:a", "a::a:a"},
		{"a::a:1", "a::a:1"},
		{"a:a::a", "a:a::a"},
		{"aaaa:0::ffff", "aaaa::ffff"},
		{"::ffff:192.168.1.100", "192.168.1.100"},
		{"ffff::192.168.1.100", "ffff::c0a8:164"},
		{"::192.168.1.100", "::192.168.1.100"},
		{"::ffff:0:192.168.1.100", "::ffff:0:192.168.1.100"},
		{"805B:2D9D:DC28::FC57:212.200.31.255", "805b:2d9d:dc28::fc57:d4c8:1fff"},
		{"aaaa::bbbb", "aaaa::bbbb"},
		{"aaaa:bbbb:cccc:dddd:eeee:ffff:1111:2222", "aaaa:bbbb:cccc:dddd:eeee:ffff:1111:2222"},
		{"aaaa:bbbb:cccc:dddd:eeee:ffff:1:2222", "aaaa:bbbb:cccc:dddd:eeee:ffff:1:2222"},
		{"aaaa:bbbb:cccc:dddd:eeee:ffff:0:2222", "aaaa:bbbb:cccc:dddd:eeee:ffff:0:2222"},
		{"aaaa:bbbb:cccc:dddd:eeee:0:0:2222", "aaaa:bbbb:cccc:dddd:eeee::2222"},
	}
	for _, c := range cases {
		if got := FormatAddr(addr(c.in)); got != c.want {
			t.Errorf("%s: got %q want %q", c.in, got, c.want)
		}
		if got := Render(Addr(addr(c.in)), types.AddrType); got != c.want {
			t.Errorf("Render %s: got %q want %q", c.in, got, c.want)
		}
	}
	// bro_inet_ntop6: all zeros is "::"; a trailing zero run ends in "::".
	if got := FormatAddr(addr("::")); got != "::" {
		t.Errorf("got %q", got)
	}
	if got := FormatAddr(addr("2001:db8::")); got != "2001:db8::" {
		t.Errorf("got %q", got)
	}
}

func TestFormatSubnet(t *testing.T) {
	// IPPrefix::AsString: prefix, "/", length; IPv4 prefixes are held as
	// mapped IPv6 with 96 extra bits and shown without them.
	cases := []struct {
		p    netip.Prefix
		want string
	}{
		{netip.MustParsePrefix("10.0.0.0/8"), "10.0.0.0/8"},
		{netip.MustParsePrefix("10.1.2.3/8"), "10.0.0.0/8"},
		{netip.MustParsePrefix("0.0.0.0/0"), "0.0.0.0/0"},
		{netip.MustParsePrefix("::ffff:10.0.0.0/104"), "10.0.0.0/8"},
		{netip.MustParsePrefix("2001:db8::/32"), "2001:db8::/32"},
		{netip.MustParsePrefix("::/0"), "::/0"},
	}
	for _, c := range cases {
		if got := FormatSubnet(c.p); got != c.want {
			t.Errorf("%s: got %q want %q", c.p, got, c.want)
		}
	}
}

func TestFormatDouble(t *testing.T) {
	// ODesc::Add(double): modp_dtoa2(d, 6), then ".0" when
	// d == double(int(d)). modp_dtoa2: at most six fraction digits,
	// trailing zeros dropped, no point at all if the rounded fraction is
	// zero, "%e" above 2^31-1, "nan" for NaN.
	cases := []struct {
		in   float64
		want string
	}{
		{0, "0.0"},
		{math.Copysign(0, -1), "0.0"},
		{3, "3.0"},
		{-128, "-128.0"},
		{100, "100.0"},
		{0.5, "0.5"},
		{0.1, "0.1"},
		{3.14, "3.14"},
		{-1.5, "-1.5"},
		{3.14159265, "3.141593"},
		{123.4567891, "123.456789"},
		{0.05, "0.05"},
		{1e-6, "0.000001"},
		{1e-7, "0"},      // fraction rounds to zero: no point, not integral
		{-1e-7, "-0"},    // the sign is written before the digits
		{0.9999999, "1"}, // rounds up to the whole, yet int(d) is 0
		{1362692526.869344, "1362692526.869344"},
		{2147483647, "2147483647.0"},
		{1e10, "1.000000e+10"}, // above 2^31-1: C's %e, int(d) overflows
		{-1e10, "-1.000000e+10"},
		{1.5e300, "1.500000e+300"},
		{math.NaN(), "nan"},
		{math.Inf(1), "inf"},
		{math.Inf(-1), "-inf"},
	}
	for _, c := range cases {
		if got := FormatDouble(c.in); got != c.want {
			t.Errorf("%v: got %q want %q", c.in, got, c.want)
		}
	}
	if got := Render(Double(2.5), types.DoubleType); got != "2.5" {
		t.Errorf("Render double: got %q", got)
	}
	// Time has no rendering of its own in Bro 2.6 (a plain double Val).
	if got := Render(Double(1362692526.869344), types.TimeType); got != "1362692526.869344" {
		t.Errorf("Render time: got %q", got)
	}
}

func TestFormatInterval(t *testing.T) {
	// IntervalVal::ValDescribe: "0 secs" for zero; else for day, hr, min,
	// sec, msec, usec the truncated count if nonzero, written as a double,
	// a space, the unit, and "s" unless the count is +-1; pieces joined by
	// a space. Units from Val.h (Days = 24*Hours, ...).
	cases := []struct {
		in   float64
		want string
	}{
		{0, "0 secs"},
		{1, "1.0 sec"},
		{2, "2.0 secs"},
		{90, "1.0 min 30.0 secs"},
		{-90, "-1.0 min -30.0 secs"},
		{3 * 3600, "3.0 hrs"}, // also Baseline bifs.fmt/out
		{86400, "1.0 day"},
		{2*86400 + 3600, "2.0 days 1.0 hr"},
		{0.5, "500.0 msecs"},
		{1.5, "1.0 sec 500.0 msecs"},
		{0.001, "1.0 msec"},
		{1e-7, ""}, // below a microsecond nothing is written
	}
	for _, c := range cases {
		if got := FormatInterval(c.in); got != c.want {
			t.Errorf("%v: got %q want %q", c.in, got, c.want)
		}
	}
	if got := Render(Double(60), types.IntervalType); got != "1.0 min" {
		t.Errorf("Render interval: got %q", got)
	}
}

func TestStrings(t *testing.T) {
	// BroString::Render(EXPANDED_STRING) for print: bytes below ' ' or
	// above '~' become \xHH in lower-case hex; backslash and quotes stay.
	// cat and fmt describe in RAW_STYLE: bytes unchanged (Desc.cc
	// ODesc::AddBytes; bro.bif cat, fmt).
	s := "a\x00b\tc\\d\"e\xff\x7f"
	if got, want := Render(String(s), types.StringType), `a\x00b\x09c\d"e\xff\x7f`; got != want {
		t.Errorf("print: got %q want %q", got, want)
	}
	if got := RenderRaw(String(s), types.StringType); got != s {
		t.Errorf("raw: got %q", got)
	}
	if got, want := Render(String("é"), types.StringType), `\xc3\xa9`; got != want {
		t.Errorf("print utf-8: got %q want %q", got, want)
	}
	// A string in a container is escaped in print and raw in cat, and
	// never quoted (StringVal::ValDescribe quotes only on request).
	vt := &types.VectorType{Elem: types.StringType}
	v := vecOf(vt, String("x\ny"), String("z"))
	if got, want := Render(v, vt), `[x\x0ay, z]`; got != want {
		t.Errorf("print vector: got %q want %q", got, want)
	}
	if got, want := RenderRaw(v, vt), "[x\ny, z]"; got != want {
		t.Errorf("raw vector: got %q want %q", got, want)
	}
}

func TestScalars(t *testing.T) {
	// Val::ValDescribe (T/F, decimal integers), PortVal::ValDescribe,
	// EnumVal::ValDescribe.
	logT := types.NewEnum("Log::ID")
	logT.Add("Log::UNKNOWN", 0, false)
	logT.Add("Conn::LOG", 0, false)
	cases := []struct {
		v    Value
		t    types.Type
		want string
	}{
		{Bool(true), types.BoolType, "T"},
		{Bool(false), types.BoolType, "F"},
		{Int(-5), types.IntType, "-5"},
		{Count(math.MaxUint64), types.CountType, "18446744073709551615"},
		{Port(80, TCP), types.PortType, "80/tcp"},
		{Port(53, UDP), types.PortType, "53/udp"},
		{Port(8, ICMP), types.PortType, "8/icmp"},
		{Port(0, Unknown), types.PortType, "0/unknown"},
		{Enum(1), logT, "Conn::LOG"},
		{Enum(7), logT, "<undefined>"},
	}
	for _, c := range cases {
		if got := Render(c.v, c.t); got != c.want {
			t.Errorf("%s: got %q want %q", c.t, got, c.want)
		}
	}
}

func TestPatterns(t *testing.T) {
	// RE.cc: the exact matcher wraps the text as ^?(...)$?; /.../i wraps
	// that as (?i:...); p1 | p2 is a new matcher over "(t1)|(t2)" of the
	// operands' matcher texts. PatternVal::ValDescribe adds the slashes.
	a := &Pattern{Text: "foo"}
	if got := FormatPattern(a); got != "/^?(foo)$?/" {
		t.Errorf("got %q", got)
	}
	ci := &Pattern{Text: "foo", CaseInsensitive: true}
	if got := FormatPattern(ci); got != "/(?i:^?(foo)$?)/" {
		t.Errorf("got %q", got)
	}
	or := &Pattern{Text: "(" + a.MatcherText() + ")|(" + (&Pattern{Text: "bar"}).MatcherText() + ")"}
	if got, want := Render(Value{R: or}, types.PatternType), "/^?((^?(foo)$?)|(^?(bar)$?))$?/"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
}

func TestRecordsAndVectors(t *testing.T) {
	// RecordVal::Describe: "[", name=value joined by ", ", "]"; nested
	// records the same way. VectorVal::ValDescribe: a hole writes nothing
	// between its separators.
	inner := types.NewRecord("Inner", []*types.Field{
		{Name: "c", Type: types.StringType},
		{Name: "d", Type: types.IntervalType, Optional: true},
	})
	outer := types.NewRecord("Outer", []*types.Field{
		{Name: "a", Type: types.CountType},
		{Name: "b", Type: inner},
	})
	r := &Record{Type: outer, Fields: []Value{Count(1), {R: &Record{Type: inner, Fields: []Value{String("x"), Unset}}}}}
	if got, want := Render(Value{R: r}, outer), "[a=1, b=[c=x, d=<uninitialized>]]"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	empty := types.NewRecord("", nil)
	if got := Render(Value{R: &Record{Type: empty}}, empty); got != "[]" {
		t.Errorf("got %q", got)
	}

	vt := &types.VectorType{Elem: types.CountType}
	cases := []struct {
		v    Value
		want string
	}{
		{vecOf(vt), "[]"},
		{vecOf(vt, Count(1), Unset, Count(3)), "[1, , 3]"},
		{vecOf(vt, Count(1), Unset), "[1, ]"},
		{vecOf(vt, Unset), "[]"},
	}
	for _, c := range cases {
		if got := Render(c.v, vt); got != c.want {
			t.Errorf("got %q want %q", got, c.want)
		}
	}
}

func TestTableModes(t *testing.T) {
	// TableVal::Describe + ODesc: "{", PushIndent (newline), elements
	// joined by ",\n", PopIndent (newline), "}". Only in-memory
	// descriptions indent, one tab per level before a piece added after a
	// newline; raw string bytes bypass that (ODesc::AddBytes).
	st := setOf(types.StringType)
	ss := NewTable(st)
	ss.Insert([]Value{String("a")}, Value{})
	ss.Insert([]Value{String("b")}, Value{})
	if got, want := Render(Value{R: ss}, st), "{\na,\nb\n}"; got != want {
		t.Errorf("print: got %q want %q", got, want)
	}
	if got, want := RenderRaw(Value{R: ss}, st), "{\na,\nb\n}"; got != want {
		t.Errorf("raw: got %q want %q", got, want)
	}
	d := NewDesc(ModeMessage)
	d.AddValue(Value{R: ss}, st)
	if got, want := d.String(), "{\n\ta,\n\tb\n}"; got != want {
		t.Errorf("message: got %q want %q", got, want)
	}

	empty := NewTable(st)
	for _, got := range []string{Render(Value{R: empty}, st), RenderRaw(Value{R: empty}, st)} {
		if got != "{\n\n}" {
			t.Errorf("empty: got %q", got)
		}
	}

	// Nested tables in raw mode: the inner elements get two tabs, the
	// inner closing brace one.
	inT := setOf(types.CountType)
	outT := tableOf(inT, types.CountType)
	in := NewTable(inT)
	in.Insert([]Value{Count(1)}, Value{})
	in.Insert([]Value{Count(2)}, Value{})
	out := NewTable(outT)
	out.Insert([]Value{Count(7)}, Value{R: in})
	if got, want := RenderRaw(Value{R: out}, outT), "{\n\t[7] = {\n\t\t2,\n\t\t1\n\t}\n}"; got != want {
		t.Errorf("raw nested: got %q want %q", got, want)
	}
	if got, want := Render(Value{R: out}, outT), "{\n[7] = {\n2,\n1\n}\n}"; got != want {
		t.Errorf("print nested: got %q want %q", got, want)
	}
}

type fakeFunc struct{ name string }

func (f fakeFunc) Describe(d *Desc) { d.Add(f.name) }

type fakeFile struct{ name string }

func (f fakeFile) Describe(d *Desc) { DescribeFile(d, f.name, types.StringType) }

func TestAnyFuncFileOpaque(t *testing.T) {
	// Val::ValDescribe: a value of type any shows its dynamic value;
	// functions and files describe themselves (Func.cc BuiltinFunc::Describe
	// writes the name; File.cc BroFile::Describe writes
	// file "name" of <type>); an opaque value has no description.
	anyV := Value{R: &Any{Type: types.CountType, Value: Count(5)}}
	if got := Render(anyV, types.AnyType); got != "5" {
		t.Errorf("any: got %q", got)
	}
	ft := &types.FuncType{}
	if got := Render(Value{R: fakeFunc{"fmt"}}, ft); got != "fmt" {
		t.Errorf("func: got %q", got)
	}
	fileT := &types.FileType{Elem: types.StringType}
	if got, want := Render(Value{R: fakeFile{"/tmp/x"}}, fileT), `file "/tmp/x" of string`; got != want {
		t.Errorf("file: got %q want %q", got, want)
	}
	if got := Render(Value{R: struct{}{}}, &types.OpaqueType{Name: "md5"}); got != "<no value description>" {
		t.Errorf("opaque: got %q", got)
	}
}

func TestPrintLine(t *testing.T) {
	// PrintStmt::DoExec + describe_vals: arguments joined by ", " and a
	// newline; to a raw-output file, no separators and no newline.
	vals := []Value{Count(1), String("a\tb"), Bool(true)}
	ts := []types.Type{types.CountType, types.StringType, types.BoolType}
	if got, want := PrintLine(vals, ts, false), "1, a\\x09b, T\n"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	if got, want := PrintLine(vals, ts, true), "1a\tbT"; got != want {
		t.Errorf("raw: got %q want %q", got, want)
	}
}

func TestCString(t *testing.T) {
	for in, want := range map[string]string{"abc": "abc", "a\x00b": "a", "a\x00b\x00": "a", "\x00": "", "": ""} {
		if got := CString(in); got != want {
			t.Errorf("CString(%q) = %q, want %q", in, got, want)
		}
	}
}
