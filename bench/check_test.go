package bench

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gobro/lang/parser"
)

// BenchmarkCheckTree checks every .bro file below $GOBRO_BRO_TREE, in
// parallel as "gobro check DIR" does. Point it at Bro 2.6's scripts/ tree
// for the reference figure; without the variable it checks the project's
// own scripts and examples.
func BenchmarkCheckTree(b *testing.B) {
	root := os.Getenv("GOBRO_BRO_TREE")
	if root == "" {
		root = ".."
	}
	var srcs [][]byte
	var names []string
	total := 0
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".bro") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err == nil {
			srcs = append(srcs, src)
			names = append(names, path)
			total += len(src)
		}
		return nil
	})
	if len(srcs) == 0 {
		b.Skip("no .bro files below " + root)
	}
	b.Logf("%d files, %d bytes", len(srcs), total)
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next := make(chan int, len(srcs))
		for j := range srcs {
			next <- j
		}
		close(next)
		done := make(chan int)
		workers := 2
		for w := 0; w < workers; w++ {
			go func() {
				bad := 0
				for j := range next {
					if len(parser.Check(names[j], srcs[j])) > 0 {
						bad++
					}
				}
				done <- bad
			}()
		}
		bad := 0
		for w := 0; w < workers; w++ {
			bad += <-done
		}
		if bad > 0 && i == 0 {
			b.Logf("%d files with errors", bad)
		}
	}
}
