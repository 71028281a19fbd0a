package env

import (
	"os/exec"
	"sort"
	"testing"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

func TestWaitStatusEncodesAsSystemDoes(t *testing.T) {
	if got := waitStatus(exec.Command("/bin/sh", "-c", "exit 3").Run()); got != 3<<8 {
		t.Errorf("exit 3: got %d, want %d", got, 3<<8)
	}
	if got := waitStatus(exec.Command("/bin/sh", "-c", "kill -9 $$").Run()); got != 9 {
		t.Errorf("killed by 9: got %d", got)
	}
	if got := waitStatus(nil); got != 0 {
		t.Errorf("success: got %d", got)
	}
	if got := runBackground("exit 5"); got != 0 {
		t.Errorf("a backgrounded command's own status must not show: got %d", got)
	}
}

func TestEnvNamesUpperCaseASCIIOnly(t *testing.T) {
	tab := value.NewTable(&types.TableType{Index: []types.Type{types.StringType}, Yield: types.StringType})
	tab.Insert([]value.Value{value.String("ab_c1")}, value.String("x"))
	tab.Insert([]value.Value{value.String("\xe9t\x00rest")}, value.String("y"))
	got := envNames(tab)
	sort.Strings(got) // the table's order is its own
	want := []string{"BRO_ARG_AB_C1", "BRO_ARG_\xe9T"}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %q, want %q", got, want)
	}
}
