package exec

import (
	"os/exec"
	"reflect"
	"testing"
)

func TestLinesSplitsAsTheRawReader(t *testing.T) {
	cases := map[string][]string{
		"":             nil,
		"a\n":          {"a"},
		"a\nb":         {"a", "b"},
		"a\n\nb\n":     {"a", "", "b"},
		"\n":           {""},
		"no newline":   {"no newline"},
		"cr\r\nkept\n": {"cr\r", "kept"},
	}
	for in, want := range cases {
		if got := lines([]byte(in)); !reflect.DeepEqual(got, want) {
			t.Errorf("lines(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStatusGivesExitCodesAndSignals(t *testing.T) {
	for cmd, want := range map[string]struct {
		code     uint64
		signaled bool
	}{
		"exit 0":     {0, false},
		"exit 7":     {7, false},
		"kill -9 $$": {9, true},
	} {
		code, sig := status(exec.Command("/bin/sh", "-c", cmd).Run())
		if code != want.code || sig != want.signaled {
			t.Errorf("%s: got %d, %v; want %d, %v", cmd, code, sig, want.code, want.signaled)
		}
	}
}
