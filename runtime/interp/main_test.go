package interp

import (
	"os"
	"testing"

	"gobro/runtime/seed"
)

// TestMain fixes the seeds, so that tables walk in a known order.
func TestMain(m *testing.M) {
	seed.Set(seed.TestSuite())
	os.Exit(m.Run())
}
