package broker_test

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	_ "gobro/builtins/all"
	"gobro/builtins/broker"
	"gobro/builtins/broker/storage"
	"gobro/runtime/interp"
	"gobro/runtime/loader"
	"gobro/runtime/value"
)

// journal records, in order, what a backend was asked to do and what
// the script saw.
type journal struct {
	mu      sync.Mutex
	entries []string
}

func (j *journal) add(s string) {
	j.mu.Lock()
	j.entries = append(j.entries, s)
	j.mu.Unlock()
}

func (j *journal) String() string {
	j.mu.Lock()
	defer j.mu.Unlock()
	return strings.Join(j.entries, " ")
}

var marks *journal

func init() {
	interp.Register("test_mark", func(_ *interp.Call, args []value.Value) value.Value {
		marks.add(args[0].AsString())
		return value.Bool(true)
	})
}

// recording is a persistent backend in memory that journals its groups
// and syncs.
type recording struct {
	*storage.Memory
	j *journal
}

func (r recording) Put(k, v []byte, e int64) error {
	r.j.add("put")
	return r.Memory.Put(k, v, e)
}

func (r recording) Commit() error {
	r.j.add("commit")
	return nil
}

func (r recording) Sync() error {
	r.j.add("sync")
	return nil
}

func (r recording) Persistent() bool { return true }

// run runs a script with the project's scripts loaded, as gobro -b does.
func run(t *testing.T, src string) string {
	t.Helper()
	var o, e bytes.Buffer
	in := interp.New(&o, &e)
	l := loader.New([]string{"../../scripts"}, in)
	for _, f := range []string{"base/init-bare", "base/init-frameworks-and-bifs"} {
		if err := l.Load(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.LoadSource("t.bro", []byte(src)); err != nil {
		t.Fatal(err)
	}
	if err := l.Finish(); err != nil {
		t.Fatal(err)
	}
	if len(l.Errors()) > 0 {
		t.Fatal(l.Errors())
	}
	in.Run()
	return o.String() + e.String()
}

// TestAnswerAfterSync: a query after writes to a persistent master is
// answered only once a sync has followed the commit of those writes;
// the writes of one pass form one group.
func TestAnswerAfterSync(t *testing.T) {
	marks = &journal{}
	old := broker.SetOpenBackend(func(string) (storage.Backend, error) {
		return recording{storage.NewMemory(), marks}, nil
	})
	defer broker.SetOpenBackend(old)
	out := run(t, `
redef exit_only_after_terminate = T;
global test_mark: function(s: string): bool;
event bro_init()
	{
	local h = Broker::create_master("t", Broker::SQLITE);
	Broker::put(h, "a", 1);
	Broker::put(h, "b", 2);
	when ( local r = Broker::exists(h, "a") )
		{
		test_mark(r$status == Broker::SUCCESS ? "answered" : "failed");
		when ( local r2 = Broker::exists(h, "b") )
			{
			# Nothing was written since: answered at once. The last
			# commit is the close at exit.
			test_mark("answered again");
			terminate();
			}
		timeout 5sec
			{
			test_mark("timeout");
			}
		}
	timeout 5sec
		{
		test_mark("timeout");
		}
	test_mark("queried");
	}
`)
	want := "put put queried commit sync answered answered again commit"
	if got := marks.String(); got != want {
		t.Fatalf("journal:\n got %s\nwant %s\n%s", got, want, out)
	}
}

// TestManyDelayedQueries: thousands of queries, each delayed through the
// script function Broker::get, leave no trace in the depth of script
// calls.
func TestManyDelayedQueries(t *testing.T) {
	out := run(t, `
redef exit_only_after_terminate = T;
global h: opaque of Broker::Store;
global answered = 0;
event bro_init()
	{
	h = Broker::create_master("many");
	Broker::put(h, 1, 2);
	local i = 0;
	while ( i < 12000 )
		{
		when ( local r = Broker::get(h, 1) )
			{
			if ( ++answered == 12000 )
				{
				print "all answered";
				terminate();
				}
			}
		timeout 10sec
			{
			print "timeout";
			}
		++i;
		}
	}
`)
	if !strings.HasPrefix(out, "all answered\n") {
		t.Fatal(out)
	}
}
