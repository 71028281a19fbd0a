package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"gobro/lang/parser"
	"gobro/runtime/loader"
)

// check runs "gobro check": each file is parsed on its own, the files in
// parallel, and the errors are printed in the order the files were named.
func check(args []string, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, "usage: gobro check FILE|DIR ...\n")
		return 1
	}
	files, status := scriptFiles(args, stderr)
	reports := make([]string, len(files))
	failed := make([]bool, len(files))

	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				reports[i], failed[i] = checkFile(files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	for i := range files {
		io.WriteString(stderr, reports[i])
		if failed[i] {
			status = 1
		}
	}
	return status
}

// checkFile returns the error lines for one file and whether it failed.
func checkFile(name string) (string, bool) {
	src, err := loader.ReadScript(name)
	var tooLarge *loader.ScriptTooLargeError
	if errors.As(err, &tooLarge) {
		return "fatal error: " + tooLarge.Error() + "\n", true
	}
	if err != nil {
		return fmt.Sprintf("fatal error: can't find %s\n", name), true
	}
	errs := parser.Check(name, src)
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	return b.String(), len(errs) > 0
}

// scriptFiles expands the arguments: files as named, directories into
// the .bro files below them in lexical order.
func scriptFiles(args []string, stderr io.Writer) ([]string, int) {
	var files []string
	status := 0
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintf(stderr, "fatal error: can't find %s\n", arg)
			status = 1
			continue
		}
		if !info.IsDir() {
			files = append(files, arg)
			continue
		}
		filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".bro") {
				files = append(files, path)
			}
			return nil
		})
	}
	return files, status
}
