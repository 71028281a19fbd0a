package format

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func anyOf(v value.Value, t types.Type) value.Value {
	return value.Value{R: &value.Any{Type: t, Value: v}}
}

func runFmt(t testing.TB, args ...value.Value) (string, string) {
	t.Helper()
	var errs bytes.Buffer
	in := interp.New(&bytes.Buffer{}, &errs)
	c := &interp.Call{Interp: in, Name: "fmt"}
	return bifFmt(c, args).AsString(), errs.String()
}

func TestFmtDirectives(t *testing.T) {
	str := func(s string) value.Value { return anyOf(value.String(s), types.StringType) }
	cnt := func(n uint64) value.Value { return anyOf(value.Count(n), types.CountType) }
	i := func(n int64) value.Value { return anyOf(value.Int(n), types.IntType) }
	dbl := func(f float64) value.Value { return anyOf(value.Double(f), types.DoubleType) }
	cases := []struct {
		args []value.Value
		want string
	}{
		{[]value.Value{str("%d|%5d|%-5d|%05d"), cnt(1), cnt(2), cnt(3), i(-4)}, "1|    2|3    |-0004"},
		{[]value.Value{str("%x|%X"), cnt(255), cnt(1)}, "ff|"},
		{[]value.Value{str("%.2f|%8.3e|%g|%g"), dbl(3.14159), dbl(1234.5), dbl(1e-5), dbl(123456789)}, "3.14|1.234e+03|1e-05|1.23457e+08"},
		{[]value.Value{str("%f|%e"), dbl(math.Inf(1)), dbl(math.Inf(-1))}, "inf|-inf"},
		{[]value.Value{str("%s and %s"), str("a"), cnt(5)}, "a and 5"},
		{[]value.Value{str("100%%")}, "100%"},
	}
	for _, c := range cases {
		got, _ := runFmt(t, c.args...)
		if got != c.want {
			t.Errorf("fmt(%q...) = %q, want %q", c.args[0].R.(*value.Any).Value.AsString(), got, c.want)
		}
	}
}

func TestFmtArgumentCount(t *testing.T) {
	str := func(s string) value.Value { return anyOf(value.String(s), types.StringType) }
	if got, errs := runFmt(t, str("%s %s"), str("x")); got != "" || !strings.Contains(errs, "too few arguments for format") {
		t.Errorf("too few: got %q, errors %q", got, errs)
	}
	if got, errs := runFmt(t, str("%s"), str("x"), str("y")); got != "" || !strings.Contains(errs, "too many arguments for format") {
		t.Errorf("too many: got %q, errors %q", got, errs)
	}
}

func TestCFloatG(t *testing.T) {
	cases := map[float64]string{0.0001: "0.0001", 100000: "100000", 1e6: "1e+06", 0.5: "0.5", 310: "310", -2.5e-10: "-2.5e-10"}
	for f, want := range cases {
		if got := cFloat(f, 'g', 6); got != want {
			t.Errorf("%%g of %v = %q, want %q", f, got, want)
		}
	}
}

// FuzzFmt runs fmt on arbitrary formats with a few arguments of
// different types: it must neither panic nor loop.
func FuzzFmt(f *testing.F) {
	for _, s := range []string{"%s", "%d %x", "%-10.3f", "%200d", "%", "%%%", "%.5s", "%0-5d", "%T %D", "a%qb"} {
		f.Add(s, int64(-3), 2.5, "x")
	}
	f.Fuzz(func(t *testing.T, format string, n int64, d float64, s string) {
		args := []value.Value{
			anyOf(value.String(format), types.StringType),
			anyOf(value.Int(n), types.IntType),
			anyOf(value.Double(d), types.DoubleType),
			anyOf(value.String(s), types.StringType),
			anyOf(value.Double(d), types.TimeType),
		}
		runFmt(t, args...)
	})
}
