package logging

import (
	"math"
	"net/netip"
	"sort"
	"strings"
	"testing"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

func TestFixed6(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{
		{0, "0.000000"},
		{1300475167.096535, "1300475167.096535"},
		{1.5, "1.500000"},
		{-2.25, "-2.250000"},
		{0.0000004, "0.000000"},
		{0.0000006, "0.000001"},
		{0.9999996, "1.000000"}, // rounds up into the whole part
		{3600, "3600.000000"},
		{1e10, "1.000000e+10"}, // above 2^31-1: C's %e
		{math.NaN(), "nan"},
		{math.Inf(1), "inf"},
	} {
		if got := string(fixed6(nil, c.in)); got != c.want {
			t.Errorf("fixed6(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPlainDouble(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{
		{1.0, "1.0"},
		{1.1, "1.1"},
		{1.123456789, "1.123457"},
		{-1.123456789, "-1.123457"},
		{0.1234, "0.1234"},
		{5e4, "50000.0"},
		{-5e4, "-50000.0"},
		{3.14e15, "3140000000000000.0"}, // never an exponent
		{-3.14e15, "-3140000000000000.0"},
		{2153226000.1, "2153226000.1"},
		{2153226000.123456789, "2153226000.123457"},
		{1.23456789e-5, "0.000012"},
		{math.Inf(1), "inf"},
		{math.Inf(-1), "-inf"},
		{math.NaN(), "nan"},
	} {
		if got := string(plainDouble(nil, c.in)); got != c.want {
			t.Errorf("plainDouble(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func stringSet(elems ...string) value.Value {
	tab := value.NewTable(&types.TableType{Index: []types.Type{types.StringType}})
	for _, e := range elems {
		tab.Insert([]value.Value{value.String(e)}, value.Value{})
	}
	return value.Value{R: tab}
}

func countVector(elems ...value.Value) value.Value {
	return value.Value{R: &value.Vector{Type: &types.VectorType{Elem: types.CountType}, Elems: elems}}
}

func asciiRow(f *AsciiFormat, cols []Column, vals ...value.Value) string {
	return string(f.AppendRow(nil, cols, vals))
}

func defaultAscii() *AsciiFormat {
	return &AsciiFormat{Separator: "\t", SetSeparator: ",", EmptyField: "(empty)", UnsetField: "-"}
}

func TestAsciiScalars(t *testing.T) {
	enum := types.NewEnum("Test::Color")
	enum.Add("Test::RED", 0, false)
	enum.Add("Test::BLUE", 0, false)
	cols := []Column{
		{Name: "b", Type: types.BoolType}, {Name: "i", Type: types.IntType},
		{Name: "c", Type: types.CountType}, {Name: "p", Type: types.PortType},
		{Name: "a", Type: types.AddrType}, {Name: "sn", Type: types.SubnetType},
		{Name: "d", Type: types.DoubleType}, {Name: "t", Type: types.TimeType},
		{Name: "iv", Type: types.IntervalType}, {Name: "e", Type: enum},
		{Name: "s", Type: types.StringType},
	}
	got := asciiRow(defaultAscii(), cols,
		value.Bool(true), value.Int(-42), value.Count(7), value.Port(80, value.TCP),
		value.Addr(netip.MustParseAddr("2001:db8::1")), value.Subnet(netip.MustParsePrefix("10.0.0.0/8")),
		value.Double(3.5), value.Double(1300475167.5), value.Double(90), value.Enum(1),
		value.String("hi"))
	want := "T\t-42\t7\t80\t2001:db8::1\t10.0.0.0/8\t3.5\t1300475167.500000\t90.000000\tTest::BLUE\thi"
	if got != want {
		t.Errorf("row\n got %q\nwant %q", got, want)
	}
}

func TestAsciiEscaping(t *testing.T) {
	f := defaultAscii()
	s := []Column{{Name: "s", Type: types.StringType}}
	for _, c := range []struct {
		in, want string
	}{
		{"", "(empty)"},
		{"-", `\x2d`},
		{"(empty)", `\x28empty)`},
		{"a\tb", `a\x09b`},
		{"a,b", "a,b"}, // the set separator matters only inside sets
		{`back\slash`, `back\\slash`},
		{"caf\xc3\xa9", `caf\xc3\xa9`},
		{"\x00\x7f", `\x00\x7f`},
		{"--", "--"},
	} {
		if got := asciiRow(f, s, value.String(c.in)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
	// A multi-byte separator is escaped byte by byte wherever it occurs.
	g := &AsciiFormat{Separator: "||", SetSeparator: ",", EmptyField: "EMPTY", UnsetField: "NOT-SET"}
	if got := asciiRow(g, s, value.String("a||b|c")); got != `a\x7c\x7cb|c` {
		t.Errorf("multi-byte separator: got %q", got)
	}
	if got := asciiRow(g, s, value.String("EMPTY")); got != `\x45MPTY` {
		t.Errorf("empty marker: got %q", got)
	}
}

func TestAsciiContainers(t *testing.T) {
	f := defaultAscii()
	cols := []Column{
		{Name: "ss", Type: &types.TableType{Index: []types.Type{types.StringType}}},
		{Name: "vc", Type: &types.VectorType{Elem: types.CountType}},
	}
	// The set's elements come in the table's order, whichever it is.
	got := asciiRow(f, cols, stringSet("a", "b,c", ""), countVector(value.Count(1), value.Unset, value.Count(3)))
	set, vec, _ := strings.Cut(got, "\t")
	elems := strings.Split(set, ",")
	sort.Strings(elems)
	if strings.Join(elems, ",") != `(empty),a,b\x2cc` || vec != "1,-,3" {
		t.Errorf("containers: got %q", got)
	}
	if got := asciiRow(f, cols, stringSet(), countVector()); got != "(empty)\t(empty)" {
		t.Errorf("empty containers: got %q", got)
	}
	if got := asciiRow(f, cols, value.Unset, value.Unset); got != "-\t-" {
		t.Errorf("unset containers: got %q", got)
	}
}

func TestJSONRow(t *testing.T) {
	f := &JSONFormat{}
	cols := []Column{
		{Name: "opt", Type: types.StringType},
		{Name: "b", Type: types.BoolType}, {Name: "c", Type: types.CountType},
		{Name: "d", Type: types.DoubleType}, {Name: "t", Type: types.TimeType},
		{Name: "a", Type: types.AddrType}, {Name: "s", Type: types.StringType},
		{Name: "ss", Type: &types.TableType{Index: []types.Type{types.StringType}}},
		{Name: "vc", Type: &types.VectorType{Elem: types.CountType}},
		{Name: "unset", Type: types.CountType},
	}
	got := string(f.AppendRow(nil, cols, []value.Value{
		value.Unset, value.Bool(false), value.Count(5), value.Double(2), value.Double(1300475167.25),
		value.Addr(netip.MustParseAddr("1.2.3.4")), value.String("q\"'\\&/\n\xe9"),
		stringSet("x"), countVector(value.Count(1), value.Count(2)), value.Unset,
	}))
	want := `{"b":false,"c":5,"d":2.0,"t":1300475167.25,"a":"1.2.3.4","s":"q\u0022\u0027\u005c\u0026/\u000a\u00e9","ss":["x"],"vc":[1,2]}`
	if got != want {
		t.Errorf("json\n got %s\nwant %s", got, want)
	}
}

func TestJSONTimestamps(t *testing.T) {
	cols := []Column{{Name: "ts", Type: types.TimeType}}
	for _, c := range []struct {
		tf   TimeFormat
		want string
	}{
		{TSEpoch, `{"ts":1300475168.5}`},
		{TSMillis, `{"ts":1300475168500}`},
		{TSISO8601, `{"ts":"2011-03-18T19:06:08.500000Z"}`},
	} {
		f := &JSONFormat{Timestamps: c.tf}
		if got := string(f.AppendRow(nil, cols, []value.Value{value.Double(1300475168.5)})); got != c.want {
			t.Errorf("format %d: got %s, want %s", c.tf, got, c.want)
		}
	}
}

func TestTypeNames(t *testing.T) {
	for _, c := range []struct {
		t    types.Type
		want string
	}{
		{types.CountType, "count"},
		{types.NewEnum("Log::ID"), "enum"},
		{&types.TableType{Index: []types.Type{types.AddrType}}, "set[addr]"},
		{&types.VectorType{Elem: types.StringType}, "vector[string]"},
		{&types.FuncType{}, "func"},
	} {
		if got := TypeName(c.t); got != c.want {
			t.Errorf("TypeName(%v) = %q, want %q", c.t, got, c.want)
		}
	}
}

func mustAddr(s string) netip.Addr { return netip.MustParseAddr(s) }
