package broker

import (
	"bytes"
	"math"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gobro/runtime/interp"
	"gobro/runtime/loader"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// load runs a script (after a minimal Broker::Data declaration) and
// returns the interpreter holding its globals.
func load(t *testing.T, src string) *interp.Interp {
	t.Helper()
	dir := t.TempDir()
	bare := `global bro_init: event();
global bro_done: event();
module Broker;
export {
	type Data: record { data: opaque of Broker::Data &optional; };
	type DataType: enum { NONE, BOOL, INT, COUNT, DOUBLE, STRING, ADDR, SUBNET, PORT, TIME, INTERVAL, ENUM, SET, TABLE, VECTOR };
}
module GLOBAL;
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
	return in
}

const globals = `
type Color: enum { RED, GREEN, BLUE };
module M;
export { type Shade: enum { DARK, LIGHT }; }
module GLOBAL;
type Inner: record { x: int; y: string &optional; };
type Outer: record {
	a: count;
	b: Inner;
	c: vector of Inner &optional;
	d: set[string] &optional;
	e: double &default = 2.5;
	f: any &optional;
};
global g_bool = T;
global g_count = 18446744073709551615;
global g_int = -9223372036854775807;
global g_double = -0.1;
global g_string = "a\x00b\xffc";
global g_addr4 = 192.168.1.2;
global g_addr6 = [2001:db8::ff00:42:8329];
global g_subnet4 = 10.1.0.0/16;
global g_subnet6 = [fe80::]/10;
global g_subnet0 = 0.0.0.0/0;
global g_tcp = 443/tcp;
global g_udp = 53/udp;
global g_icmp = 8/icmp;
global g_unknown = 0/unknown;
global g_interval = -1.000000001 sec;
global g_enum = GREEN;
global g_enum2 = M::LIGHT;
global g_set: set[count] = { 3, 1, 2 };
global g_set2: set[addr, port] = { [1.2.3.4, 80/tcp], [[::1], 22/tcp] };
global g_table: table[string] of vector of count = { ["x"] = vector(1, 2), ["a"] = vector() };
global g_table2: table[count, string] of set[count] = { [1, "a"] = set(1), [0, "b"] = set() };
global g_table3: table[Inner] of count;
global g_table4: table[Inner, count] of count;
global g_vec: vector of string = vector("z", "y");
global g_rec: Outer = [$a=1, $b=[$x=-2], $c=vector([$x=+3, $y="w"]), $d=set("k")];
global g_nested: vector of vector of table[count] of set[string] = vector(vector(table([1] = set("a", "b"))));
global g_pattern = /fo+/;
`

// roundTrip converts a global to data, encodes, decodes and converts
// back; the result must print as the original.
func roundTrip(t *testing.T, in *interp.Interp, name string) Data {
	t.Helper()
	g := in.LookupGlobal(name)
	if g == nil {
		t.Fatalf("no global %s", name)
	}
	d, ok := ValueToData(g.Value, g.Type)
	if !ok {
		t.Fatalf("%s: ValueToData failed", name)
	}
	enc := AppendData(nil, d)
	dec, rest, err := ReadData(enc)
	if err != nil || len(rest) != 0 {
		t.Fatalf("%s: ReadData: %v, %d left", name, err, len(rest))
	}
	if !Equal(d, dec) {
		t.Fatalf("%s: decoded %s, want %s", name, dec, d)
	}
	back, ok := DataToValue(in, dec, g.Type)
	if !ok {
		t.Fatalf("%s: DataToValue(%s) failed", name, dec)
	}
	// Tables come back in Broker's order, so compare their data.
	again, ok := ValueToData(back, g.Type)
	if !ok || !Equal(again, d) {
		t.Errorf("%s: round trip gives %s, want %s", name, again, d)
	}
	if g.Type.Kind() != types.Table {
		want := value.Render(g.Value, g.Type)
		if g.Type.Kind() == types.Interval {
			// A received interval is Data.cc's plain
			// new Val(s, TYPE_INTERVAL): it prints as its double.
			want = value.FormatDouble(g.Value.AsDouble())
		}
		if got := value.Render(back, g.Type); got != want {
			t.Errorf("%s: round trip gives %s, want %s", name, got, want)
		}
	}
	if !Fits(in, dec, g.Type) {
		t.Errorf("%s: Fits is false", name)
	}
	return dec
}

func TestRoundTrips(t *testing.T) {
	in := load(t, globals)
	for _, name := range []string{"g_bool", "g_count", "g_int", "g_double", "g_string",
		"g_addr4", "g_addr6", "g_subnet4", "g_subnet6", "g_subnet0", "g_tcp", "g_udp", "g_icmp", "g_unknown",
		"g_interval", "g_enum", "g_enum2", "g_set", "g_set2", "g_table", "g_table2",
		"g_vec", "g_rec", "g_nested", "g_pattern"} {
		roundTrip(t, in, name)
	}
}

// A table indexed by one record takes a vector key whole; one indexed
// by a record and more spreads it.
func TestRecordIndex(t *testing.T) {
	in := load(t, globals)
	key := NewVector(Int(1), String("q"))
	tb := NewTable()
	tb.TablePut(key, Count(5))
	tb.TablePut(NewVector(Int(-1), None()), Count(6))
	g := in.LookupGlobal("g_table3")
	v, ok := DataToValue(in, tb, g.Type)
	if !ok {
		t.Fatal("table[Inner]")
	}
	if d, ok := ValueToData(v, g.Type); !ok || !Equal(d, tb) {
		t.Errorf("table[Inner] back: %s", d)
	}
	tb2 := NewTable()
	tb2.TablePut(NewVector(key, Count(2)), Count(5))
	g = in.LookupGlobal("g_table4")
	v, ok = DataToValue(in, tb2, g.Type)
	if !ok {
		t.Fatal("table[Inner, count]")
	}
	if d, ok := ValueToData(v, g.Type); !ok || !Equal(d, tb2) {
		t.Errorf("table[Inner, count] back: %s", d)
	}
	if _, ok := DataToValue(in, tb, g.Type); ok {
		t.Error("one-part keys for a two-part index")
	}
}

// The data of particular values: what Broker holds for them.
func TestValueToDataForms(t *testing.T) {
	in := load(t, globals)
	conv := func(name string) Data {
		g := in.LookupGlobal(name)
		d, ok := ValueToData(g.Value, g.Type)
		if !ok {
			t.Fatalf("%s: no conversion", name)
		}
		return d
	}
	for name, want := range map[string]string{
		"g_set":     "{1, 2, 3}",
		"g_set2":    "{[::1, 22/tcp], [1.2.3.4, 80/tcp]}",
		"g_table":   "{a -> [], x -> [1, 2]}",
		"g_table2":  "{[0, b] -> {}, [1, a] -> {1}}",
		"g_rec":     "[1, [-2, nil], [[3, w]], {k}, 2.500000, nil]",
		"g_enum2":   "M::LIGHT",
		"g_subnet4": "10.1.0.0/16",
		"g_addr4":   "192.168.1.2",
		"g_unknown": "0/?",
		"g_pattern": "[^?(fo+)$?, ^?(.|\\n)*(fo+)]",
	} {
		if got := conv(name).String(); got != want {
			t.Errorf("%s: got %s, want %s", name, got, want)
		}
	}
	if d := conv("g_addr4"); d.Kind() != KindAddress || d.bytes16()[10] != 0xff {
		t.Errorf("an IPv4 address is kept mapped into IPv6: %v", d.bytes16())
	}
	if d := conv("g_subnet4"); d.x != 96+16 {
		t.Errorf("IPv4 subnet length over 128 bits: %d", d.x)
	}
	if d := conv("g_interval"); d.AsNanos() != -1000000001 {
		t.Errorf("interval: %d ns", d.AsNanos())
	}
}

// Times and intervals: nanoseconds, truncated, and back to seconds.
func TestTimePrecision(t *testing.T) {
	d, _ := ValueToData(value.Double(1300000000.123456), types.TimeType)
	if d.Kind() != KindTimestamp || d.AsNanos() != 1300000000123456000 {
		t.Errorf("time: %v %d", d.Kind(), d.AsNanos())
	}
	in := load(t, "")
	v, ok := DataToValue(in, Timestamp(1300000000123456789), types.TimeType)
	if !ok || v.AsDouble() != 1300000000123456789/1e9 {
		t.Errorf("timestamp back: %v %v", ok, v.AsDouble())
	}
	v, ok = DataToValue(in, Timespan(1500), types.IntervalType)
	if !ok || v.AsDouble() != 1.5e-6 {
		t.Errorf("timespan back: %v %v", ok, v.AsDouble())
	}
	if secondsToNanos(math.Inf(1)) != math.MaxInt64 || secondsToNanos(math.NaN()) != 0 {
		t.Error("out-of-range seconds")
	}
}

// A target of type any gets a Broker::Data record; records take none as
// unset; vector of any holds Broker::Data records.
func TestAnyAndRecords(t *testing.T) {
	in := load(t, globals)
	v, ok := DataToValue(in, Count(7), types.AnyType)
	a, isAny := v.R.(*value.Any)
	if !ok || !isAny || !IsDataType(a.Type) {
		t.Fatalf("any target: %v %#v", ok, v.R)
	}
	if d, ok := RecordData(v); !ok || !Equal(d, Count(7)) {
		t.Errorf("any target holds %v", d)
	}
	vt := &types.VectorType{Elem: types.AnyType}
	vec := &value.Vector{Type: vt, Elems: []value.Value{
		{R: &value.Any{Type: types.CountType, Value: value.Count(1)}},
		{R: &value.Any{Type: types.StringType, Value: value.String("two")}},
		{R: &value.Any{Type: types.DoubleType, Value: value.Double(3)}},
	}}
	d, ok := ValueToData(value.Value{R: vec}, vt)
	if !ok || d.String() != "[1, two, 3.000000]" {
		t.Fatalf("vector of any: %s", d)
	}
	// A vector of count seen as a vector of any converts by its own
	// element type.
	counts := &value.Vector{Type: &types.VectorType{Elem: types.CountType}, Elems: []value.Value{value.Count(4)}}
	if d, ok := ValueToData(value.Value{R: counts}, vt); !ok || d.String() != "[4]" {
		t.Errorf("vector of count as vector of any: %v %s", ok, d)
	}
	back, ok := DataToValue(in, d, vt)
	if !ok {
		t.Fatal("vector of any")
	}
	elems := back.R.(*value.Vector).Elems
	if len(elems) != 3 {
		t.Fatalf("vector of any: %d elements", len(elems))
	}
	if d, ok := RecordData(elems[1]); !ok || !Equal(d, String("two")) {
		t.Errorf("vector of any element: %v", d)
	}
	outer := in.LookupType("Outer")
	// Too few fields fail; none leaves a field unset.
	if _, ok := DataToValue(in, NewVector(Count(1)), outer); ok {
		t.Error("a vector shorter than the record converted")
	}
	r, ok := DataToValue(in, NewVector(Count(1), NewVector(Int(2), None()), None(), None(), None(), None()), outer)
	if !ok {
		t.Fatal("record with unset fields")
	}
	if got := value.Render(r, outer); got != "[a=1, b=[x=2, y=<uninitialized>], c=<uninitialized>, d=<uninitialized>, e=<uninitialized>, f=<uninitialized>]" {
		t.Errorf("record: %s", got)
	}
	// An unset field that is not optional converts all the same, as
	// in Bro.
	if _, ok := DataToValue(in, NewVector(None(), NewVector(Int(2), None()), None(), None(), None(), None()), outer); !ok {
		t.Error("none for a mandatory field")
	}
}

// Mismatches: the datum's kind must fit the type, element by element.
func TestDataToValueMismatches(t *testing.T) {
	in := load(t, globals)
	ty := func(name string) types.Type {
		if tt := in.LookupType(name); tt != nil {
			return tt
		}
		return in.LookupGlobal(name).Type
	}
	for i, c := range []struct {
		d Data
		t types.Type
	}{
		{Count(1), types.IntType},
		{Int(1), types.CountType},
		{Real(1), types.IntervalType},
		{Timespan(1), types.TimeType},
		{Timestamp(1), types.DoubleType},
		{String("x"), types.AddrType},
		{None(), types.CountType},
		{Bool(true), types.CountType},
		{Enum("PURPLE"), ty("Color")},
		{Enum("M::DARK"), ty("Color")},
		{Address(netip.MustParseAddr("::1")), types.SubnetType},
		{Port(1, ProtoTCP), types.CountType},
		{NewSet(Count(1)), ty("g_table")},
		{NewTable(), ty("g_set")},
		{NewSet(String("x")), ty("g_set")},
		{NewSet(NewVector(Count(1), Count(2))), ty("g_set2")},
		{NewSet(Address(netip.MustParseAddr("::1"))), ty("g_set2")},
		{NewVector(Count(1), String("x")), ty("g_vec")},
		{NewVector(String("x"), Count(1)), ty("g_vec")},
		{NewVector(String("x")), types.StringType},
		{String("no_such_function"), &types.FuncType{}},
	} {
		if _, ok := DataToValue(in, c.d, c.t); ok {
			t.Errorf("#%d: %s converted to %s", i, c.d, c.t)
		}
		if Fits(in, c.d, c.t) {
			t.Errorf("#%d: %s fits %s", i, c.d, c.t)
		}
	}
	if v, ok := DataToValue(in, Enum("BLUE"), ty("Color")); !ok || v.AsInt() != 2 {
		t.Errorf("enum by name: %v %d", ok, v.AsInt())
	}
	if _, ok := DataToValue(in, Count(1), types.CounterType); !ok {
		t.Error("count to counter")
	}
}

// Broker's order: by kind in variant order, then by value.
func TestOrder(t *testing.T) {
	ordered := []Data{
		None(), Bool(false), Bool(true), Count(0), Count(math.MaxUint64), Int(-5), Int(3),
		Real(-1), Real(2), String(""), String("a"), String("ab"), String("b"),
		Address(netip.MustParseAddr("0.0.0.1")), Address(netip.MustParseAddr("::ffff:0:1")),
		Address(netip.MustParseAddr("1.0.0.0")), Subnet(netip.MustParsePrefix("10.0.0.0/8")),
		Subnet(netip.MustParsePrefix("10.0.0.0/16")), Port(22, ProtoUDP), Port(80, ProtoUnknown), Port(80, ProtoTCP),
		Timestamp(-1), Timestamp(1), Timespan(0), Enum("A"), Enum("B"),
		NewSet(), NewSet(Count(1)), NewSet(Count(1), Count(2)), NewSet(Count(2)),
		NewTable(), NewVector(), NewVector(Count(1)), NewVector(Int(0)),
	}
	for i := range ordered {
		for j := range ordered {
			want := cmpI(int64(i), int64(j))
			if i != j && Equal(ordered[i], ordered[j]) {
				want = 0
			}
			if got := Compare(ordered[i], ordered[j]); got != want && !(i != j && want == 0) {
				t.Errorf("Compare(%s, %s) = %d, want %d", ordered[i], ordered[j], got, want)
			}
		}
	}
	// Addresses: the IPv4 address and its mapped form are one datum.
	if !Equal(ordered[13], Address(netip.MustParseAddr("::ffff:0.0.0.1"))) {
		t.Error("mapped address differs")
	}
	s := NewSet(String("b"), Count(2), String("a"), Count(1), None(), String("a"))
	if got := s.String(); got != "{nil, 1, 2, a, b}" {
		t.Errorf("set order: %s", got)
	}
	tb := NewTable()
	tb.TablePut(Int(2), String("two"))
	tb.TablePut(Int(-1), String("minus"))
	if old, had := tb.TablePut(Int(2), String("deux")); !had || old.AsString() != "two" {
		t.Error("TablePut replacing")
	}
	if got := tb.String(); got != "{-1 -> minus, 2 -> deux}" {
		t.Errorf("table: %s", got)
	}
	if v, had := tb.Remove(Int(-1)); !had || v.AsString() != "minus" || tb.Len() != 1 {
		t.Error("Remove")
	}
}

// Clone makes containers independent.
func TestClone(t *testing.T) {
	inner := NewVector(Count(1))
	outer := NewVector(inner)
	c := outer.Clone()
	in := c.Elems()[0]
	in.VectorAppend(Count(2))
	if outer.String() != "[[1]]" {
		t.Errorf("clone shares: %s", outer)
	}
}

// Hostile encodings fail cleanly.
func TestReadDataHostile(t *testing.T) {
	for i, b := range [][]byte{
		nil,
		{byte(KindBool)},
		{byte(KindBool), 2},
		{byte(KindCount), 0x80},
		{byte(KindString), 0xff, 0xff, 0xff, 0xff, 0x0f, 'a'},
		{byte(KindString), 5, 'a'},
		{byte(KindVector), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
		{byte(KindTable), 2, 0, 0, 0},
		{byte(KindSubnet), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 129},
		{byte(KindPort), 0xff, 0xff, 0x04, 0},
		{byte(KindPort), 1, 4},
		{byte(KindAddress), 1, 2},
		{byte(KindReal), 1},
		{99},
		{byte(KindVector) + 1},
	} {
		if _, _, err := ReadData(b); err == nil {
			t.Errorf("#%d: %x decoded", i, b)
		}
	}
	deep := bytes.Repeat([]byte{byte(KindVector), 1}, 10000)
	deep = append(deep, 0)
	if _, _, err := ReadData(deep); err != ErrTooDeep {
		t.Errorf("deep nesting: %v", err)
	}
	ok := bytes.Repeat([]byte{byte(KindVector), 1}, MaxWireDepth)
	ok = append(ok, 0)
	if _, rest, err := ReadData(ok); err != nil || len(rest) != 0 {
		t.Errorf("nesting at the limit: %v", err)
	}
	// Out-of-order and duplicate set elements are put in order.
	b := []byte{byte(KindSet), 3, byte(KindCount), 5, byte(KindCount), 1, byte(KindCount), 5}
	d, _, err := ReadData(b)
	if err != nil || d.String() != "{1, 5}" {
		t.Errorf("unordered set: %v %s", err, d)
	}
	b = []byte{byte(KindTable), 2, byte(KindCount), 5, byte(KindCount), 1, byte(KindCount), 5, byte(KindCount), 2}
	d, _, err = ReadData(b)
	if err != nil || d.String() != "{5 -> 1}" {
		t.Errorf("duplicate table key: %v %s", err, d)
	}
	// Trailing bytes are returned.
	if _, rest, err := ReadData([]byte{0, 7}); err != nil || len(rest) != 1 {
		t.Error("trailing bytes")
	}
}

func TestWireVersion(t *testing.T) {
	b := AppendWireVersion(nil)
	if rest, err := ReadWireVersion(append(b, 9)); err != nil || len(rest) != 1 {
		t.Error(err)
	}
	if _, err := ReadWireVersion([]byte{WireVersion + 1}); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("other version: %v", err)
	}
}

// sample returns a datum with every kind in it.
func sample() Data {
	tb := NewTable()
	tb.TablePut(String("k"), NewVector(None(), Bool(true)))
	tb.TablePut(NewVector(Count(1), String("x")), Real(0.5))
	return NewVector(None(), Bool(false), Count(1<<40), Int(-7), Real(math.Pi), String("str"),
		Address(netip.MustParseAddr("2001:db8::1")), Subnet(netip.MustParsePrefix("192.168.0.0/24")),
		Port(8080, ProtoTCP), Timestamp(1e18), Timespan(-5), Enum("Broker::COUNT"),
		NewSet(Int(3), Int(-3)), tb)
}

func TestSampleRoundTrip(t *testing.T) {
	d := sample()
	dec, rest, err := ReadData(AppendData(nil, d))
	if err != nil || len(rest) != 0 || !Equal(d, dec) || dec.String() != d.String() {
		t.Errorf("sample: %v %s", err, dec)
	}
}

func FuzzReadData(f *testing.F) {
	f.Add(AppendData(nil, sample()))
	f.Add(AppendData(nil, eventDatum()))
	for _, d := range sample().Elems() {
		f.Add(AppendData(nil, d))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, rest, err := ReadData(b)
		if err != nil {
			return
		}
		// What decodes encodes back to an equal datum.
		enc := AppendData(nil, d)
		d2, rest2, err := ReadData(enc)
		if err != nil || len(rest2) != 0 || !Equal(d, d2) {
			t.Fatalf("re-encoding %x: %v", enc, err)
		}
		_ = rest
		_ = d.String()
	})
}

// eventDatum is a Bro event as Broker carries it: the name and the
// arguments, here a count and a 32-byte string.
func eventDatum() Data {
	return NewVector(String("Bench::ping"), NewVector(Count(123456789), String("0123456789abcdef0123456789abcdef")))
}

func BenchmarkAppendEvent(b *testing.B) {
	d := eventDatum()
	buf := make([]byte, 0, 128)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = AppendData(buf[:0], d)
	}
	b.SetBytes(int64(len(buf)))
}

func BenchmarkReadEvent(b *testing.B) {
	enc := AppendData(nil, eventDatum())
	b.ReportAllocs()
	b.SetBytes(int64(len(enc)))
	for i := 0; i < b.N; i++ {
		if _, _, err := ReadData(enc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEventArgs converts an event's count and string arguments to
// data and back, as a publisher and a receiver do.
func BenchmarkEventArgs(b *testing.B) {
	in := interp.New(&bytes.Buffer{}, &bytes.Buffer{})
	n, s := value.Count(123456789), value.String("0123456789abcdef0123456789abcdef")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		dn, _ := ValueToData(n, types.CountType)
		ds, _ := ValueToData(s, types.StringType)
		if _, ok := DataToValue(in, dn, types.CountType); !ok {
			b.Fatal("count")
		}
		if _, ok := DataToValue(in, ds, types.StringType); !ok {
			b.Fatal("string")
		}
	}
}

// BenchmarkEventPath is one event's data path end to end, without the
// transport: its arguments converted to data, encoded, decoded, and
// converted to the handler's types.
func BenchmarkEventPath(b *testing.B) {
	in := interp.New(&bytes.Buffer{}, &bytes.Buffer{})
	n, s := value.Count(123456789), value.String("0123456789abcdef0123456789abcdef")
	buf := make([]byte, 0, 128)
	args := make([]Data, 2)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		args[0], _ = ValueToData(n, types.CountType)
		args[1], _ = ValueToData(s, types.StringType)
		ev := NewVector(String("Bench::ping"), NewVector(args...))
		buf = AppendData(buf[:0], ev)
		d, _, err := ReadData(buf)
		if err != nil {
			b.Fatal(err)
		}
		got := d.Elems()[1].Elems()
		if _, ok := DataToValue(in, got[0], types.CountType); !ok {
			b.Fatal("count")
		}
		if _, ok := DataToValue(in, got[1], types.StringType); !ok {
			b.Fatal("string")
		}
	}
}

// The Broker::Data builtins end the handler where a datum is missing or
// of the wrong type, naming the types as Bro 2.6's messages do.
func TestBifRuntimeErrors(t *testing.T) {
	bif, err := os.ReadFile("../../scripts/base/bif/data.bif.bro")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bare := `global bro_init: event();
module Broker;
export {
	type Data: record { data: opaque of Broker::Data &optional; };
	type TableItem: record { key: Broker::Data; val: Broker::Data; };
}
module GLOBAL;
`
	src := `
event bro_init() &priority=3 { print Broker::__set_size(Broker::__vector_create()); print "not reached"; }
event bro_init() &priority=2 { print Broker::__record_size(Broker::__set_create()); }
event bro_init() &priority=1 { print Broker::__data_type(Broker::Data()); }
event bro_init() &priority=0 { print Broker::__table_size(Broker::__data(1)); }
event bro_init() &priority=-1 { print Broker::__vector_size(Broker::__record_create(2)), "ok"; }
`
	for name, text := range map[string]string{"init-bare.bro": bare, "data.bif.bro": string(bif), "t.bro": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var o, e bytes.Buffer
	in := interp.New(&o, &e)
	l := loader.New([]string{dir}, in)
	for _, f := range []string{"init-bare", "data.bif", "t"} {
		if err := l.Load(f); err != nil {
			t.Fatal(err)
		}
	}
	if in.Errors() != 0 {
		t.Fatal(e.String())
	}
	in.Run()
	if got := o.String(); got != "2, ok\n" {
		t.Errorf("output: %q", got)
	}
	for _, want := range []string{
		// Bro names a vector "record" unless a vector was asked for.
		"t.bro, line 2: data is of type 'record' not of type 'table'\n",
		"t.bro, line 3: data is of type 'set' not of type 'record'\n",
		"t.bro, line 4: Broker::Data's opaque field is not set\n",
		"t.bro, line 5: data is of type 'count' not of type 'table'\n",
	} {
		if !strings.Contains(e.String(), "runtime error in ") || !strings.Contains(e.String(), want) {
			t.Errorf("missing %q in:\n%s", want, e.String())
		}
	}
}
