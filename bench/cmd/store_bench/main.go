// Command store_bench measures gobro's persistent data store master
// beside raw Badger doing the same writes with the same sync setting, and
// prints the two side by side.
//
// The raw side opens a Badger directory with the options gobro's Badger
// backend uses and writes what gobro's master writes: the same key and
// value bytes (Broker's encoding of a count key and of a 32-byte string,
// behind the backend's prefix and header), grouped the same way. The
// gobro side runs workloads/store_master.bro in ../build/gobro, built
// first, which times itself from its first operation to the answer of
// the query that acknowledges the last.
//
//   - put, not durable: n puts in one loop; one transaction until it is
//     full, then the next; one sync at the end (the query that
//     acknowledges them all).
//   - put, durable: batches of b puts, each batch committed and synced
//     before the next starts (gobro: an exists query after each batch,
//     the next batch on its answer).
//   - get: n lookups of the keys just written (the store still open),
//     all in one read transaction, as gobro's backend reads while
//     nothing is written (gobro: the script writes
//     the keys, untimed, then a Broker::get in a "when" each, a batch of
//     them at a time).
//   - get, store reopened: the same lookups in a store closed after the
//     writes and opened again by a new process (gobro: the keys written
//     by an earlier run; raw: this command run again with -raw-gets), so
//     that Badger reads its tables rather than its memtable, and both
//     sides start as cold as each other.
//   - put_unique from a clone: gobro runs workloads/store_clone.bro twice,
//     a persistent master and a clone peered with it over loopback; the
//     clone keeps a batch of put_unique queries under way, the master
//     answers each once its write is synced. Raw Badger does the same
//     check-and-set in one process, one transaction and sync per batch.
//
// Usage, inside bench/:
//
//	go run ./cmd/store_bench [-n 200000] [-runs 3] [-only get]
package main

import (
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dgraph-io/badger/v4"

	"gobro/builtins/broker"
	"gobro/builtins/broker/storage"
)

// value is what every put stores, as the workload script does.
const value = "0123456789abcdef0123456789abcdef"

// workload is one row of the table.
type workload struct {
	name     string
	n        int
	batch    int  // puts per synced batch; 0: not durable
	gets     bool // lookups of the keys written before
	reopened bool // the gets read a store closed and opened again
	clone    bool // put_unique from a clone in another process
}

func main() {
	n := flag.Int("n", 200000, "operations of the not-durable put and get rows")
	runs := flag.Int("runs", 3, "runs of each row; the best is shown")
	only := flag.String("only", "", "run only the rows whose operation starts with this")
	rawGets := flag.String("raw-gets", "", "(used by the command itself) time n raw gets in the store at this path and print RESULT")
	flag.Parse()
	if *rawGets != "" {
		db := openRaw(*rawGets)
		secs := timeGets(db, *n)
		check(db.Close())
		fmt.Printf("RESULT %d %.6f\n", *n, secs)
		return
	}

	top, err := filepath.Abs("..")
	check(err)
	gobro := filepath.Join(top, "build", "gobro")
	build := exec.Command("go", "build", "-o", gobro, "./cmd/gobro")
	build.Dir, build.Stdout, build.Stderr = top, os.Stderr, os.Stderr
	check(build.Run())
	script := filepath.Join(top, "bench", "workloads", "store_master.bro")

	rows := []workload{
		{name: "put, not durable", n: *n},
		{name: "put, durable, batches of 100", n: *n / 10, batch: 100},
		{name: "put, durable, each acknowledged", n: *n / 100, batch: 1},
		{name: "get", n: *n, gets: true},
		{name: "get, store reopened", n: *n, gets: true, reopened: true},
		{name: "put_unique from a clone", n: *n / 10, batch: 1000, clone: true},
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "operation\tn\traw Badger ops/s\tgobro master ops/s\tgobro/raw\t")
	for _, w := range rows {
		if !strings.HasPrefix(w.name, *only) {
			continue
		}
		var raw, gb float64
		for r := 0; r < *runs; r++ {
			raw = max(raw, rawRun(w))
			if w.clone {
				gb = max(gb, cloneRun(gobro, filepath.Join(top, "bench", "workloads", "store_clone.bro"), w))
			} else {
				gb = max(gb, gobroRun(gobro, script, w))
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%.0f\t%.2f\t\n", w.name, w.n, raw, gb, gb/raw)
	}
	tw.Flush()
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "store_bench:", err)
		os.Exit(1)
	}
}

// tempDir returns a fresh directory for one run's store.
func tempDir() string {
	d, err := os.MkdirTemp("", "store-bench-")
	check(err)
	return d
}

// gobroRun runs the workload in gobro and returns operations per second.
// The get rows first write the keys, untimed: in the same run, or in an
// earlier one for a reopened store.
func gobroRun(gobro, script string, w workload) float64 {
	dir := tempDir()
	defer os.RemoveAll(dir)
	path := "path=" + filepath.Join(dir, "db")
	run := func(args ...string) float64 {
		cmd := exec.Command(gobro, append([]string{"-b", script, path}, args...)...)
		cmd.Dir = dir
		out, err := cmd.Output()
		check(err)
		return result(out)
	}
	n := "n=" + strconv.Itoa(w.n)
	if w.gets && w.reopened {
		run(n)
		return run(n, "gets=T", "reopened=T", "batch=1000")
	}
	if w.gets {
		return run(n, "gets=T", "batch=1000")
	}
	return run(n, "batch="+strconv.Itoa(w.batch))
}

// openRaw opens a Badger directory as gobro's backend does.
func openRaw(dir string) *badger.DB {
	opts := storage.BadgerOptions(dir)
	db, err := badger.Open(opts)
	check(err)
	return db
}

// key and entry are the bytes gobro's backend writes for key i.
func key(i int) []byte {
	return broker.AppendData([]byte{'v'}, broker.Count(uint64(i)))
}

func entry() []byte {
	raw := make([]byte, 9)
	raw[0] = 1
	binary.BigEndian.PutUint64(raw[1:], 0)
	return broker.AppendData(raw, broker.String(value))
}

// rawRun runs the workload on raw Badger and returns operations per
// second.
func rawRun(w workload) float64 {
	dir := tempDir()
	defer os.RemoveAll(dir)
	db := openRaw(dir)
	defer func() {
		if db != nil {
			db.Close()
		}
	}()
	put := func(from, to int, sync bool) {
		txn := db.NewTransaction(true)
		for i := from; i < to; i++ {
			err := txn.Set(key(i), entry())
			if errors.Is(err, badger.ErrTxnTooBig) {
				check(txn.Commit())
				txn = db.NewTransaction(true)
				err = txn.Set(key(i), entry())
			}
			check(err)
		}
		check(txn.Commit())
		if sync {
			check(db.Sync())
		}
	}
	if w.gets {
		put(0, w.n, true)
		if w.reopened {
			check(db.Close())
			db = nil
			self, err := os.Executable()
			check(err)
			out, err := exec.Command(self, "-raw-gets", dir, "-n", strconv.Itoa(w.n)).Output()
			check(err)
			return result(out)
		}
		return float64(w.n) / timeGets(db, w.n)
	}
	if w.clone {
		start := time.Now()
		for i := 0; i < w.n; i += w.batch {
			txn := db.NewTransaction(true)
			for j := i; j < min(i+w.batch, w.n); j++ {
				_, err := txn.Get(key(j))
				if errors.Is(err, badger.ErrKeyNotFound) {
					err = txn.Set(key(j), entry())
				}
				check(err)
			}
			check(txn.Commit())
			check(db.Sync())
		}
		return float64(w.n) / time.Since(start).Seconds()
	}
	start := time.Now()
	if w.batch == 0 {
		put(0, w.n, true)
	} else {
		for i := 0; i < w.n; i += w.batch {
			put(i, min(i+w.batch, w.n), true)
		}
	}
	return float64(w.n) / time.Since(start).Seconds()
}

// timeGets looks up keys 0 to n-1 in one read transaction, decoding
// each value as gobro does; it returns the seconds taken.
func timeGets(db *badger.DB, n int) float64 {
	start := time.Now()
	check(db.View(func(txn *badger.Txn) error {
		for i := 0; i < n; i++ {
			item, err := txn.Get(key(i))
			if err != nil {
				return err
			}
			raw, err := item.ValueCopy(nil)
			if err == nil {
				_, _, err = broker.ReadData(raw[9:])
			}
			if err != nil {
				return err
			}
		}
		return nil
	}))
	return time.Since(start).Seconds()
}

// cloneRun runs a master and a clone of workloads/store_clone.bro on a
// free loopback port and returns the clone's put_unique per second.
func cloneRun(gobro, script string, w workload) float64 {
	dir := tempDir()
	defer os.RemoveAll(dir)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	env := append(os.Environ(), fmt.Sprintf("BROKER_PORT=%d/tcp", port))
	master := exec.Command(gobro, "-b", script, "path="+filepath.Join(dir, "db"))
	master.Dir, master.Env = dir, env
	check(master.Start())
	defer master.Wait()
	defer master.Process.Kill()
	time.Sleep(300 * time.Millisecond)
	clone := exec.Command(gobro, "-b", script, "clone=T", "n="+strconv.Itoa(w.n), "batch="+strconv.Itoa(w.batch))
	clone.Dir, clone.Env = dir, env
	out, err := clone.Output()
	check(err)
	return result(out)
}

// result reads the "RESULT <operations> <seconds>" line of a workload.
// Anything else a workload prints ("missing", "timeout") means that an
// operation failed, and the figure would count it: that is an error.
func result(out []byte) float64 {
	rate := 0.0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || f[0] != "RESULT" {
			check(fmt.Errorf("a workload failed: %q", line))
		}
		ops, _ := strconv.ParseFloat(f[1], 64)
		secs, _ := strconv.ParseFloat(f[2], 64)
		rate = ops / secs
	}
	if rate == 0 {
		check(fmt.Errorf("no result: %q", out))
	}
	return rate
}
