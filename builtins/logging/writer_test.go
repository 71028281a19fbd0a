package logging

import (
	"testing"

	"gobro/runtime/types"
)

func TestNoneDescription(t *testing.T) {
	// Doubles print as a C++ stream prints them by default (%g, six
	// significant digits); no rotation base is -1.
	got := noneDescription("p", 1e6, -1, map[string]string{"b": "2", "a": "1"},
		[]Column{{Name: "x", Type: types.CountType}, {Name: "s", Type: &types.TableType{Index: []types.Type{types.StringType}}}})
	want := "[logging::writer::None]\n  path=p\n  rotation_interval=1e+06\n  rotation_base=-1\n" +
		"  config[a] = 1\n  config[b] = 2\n  field x: count\n  field s: table\n\n"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
