package format

import (
	"math"
	"testing"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// cat's shortcut for strings, counts and ints renders as the general
// description does.
func TestCatScalarsMatchesDescription(t *testing.T) {
	args := []value.Value{
		anyOf(value.String("key\x00\xff"), types.StringType),
		anyOf(value.Count(math.MaxUint64), types.CountType),
		anyOf(value.Int(-42), types.IntType),
		anyOf(value.String(""), types.StringType),
		anyOf(value.Count(0), types.CountType),
	}
	got, ok := catScalars(args)
	if !ok {
		t.Fatal("shortcut refused scalars")
	}
	d := value.NewDesc(value.ModeRaw)
	for _, a := range args {
		v, ty := unpack(a)
		d.AddValue(v, ty)
	}
	if got != d.String() {
		t.Errorf("shortcut %q, description %q", got, d.String())
	}
	if _, ok := catScalars([]value.Value{anyOf(value.Double(1.5), types.DoubleType)}); ok {
		t.Error("shortcut took a double")
	}
	if _, ok := catScalars([]value.Value{anyOf(value.Unset, types.StringType)}); ok {
		t.Error("shortcut took an unset value")
	}
}
