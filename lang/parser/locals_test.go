package parser

import (
	"io"
	"slices"
	"testing"
)

// recorder is a Decider that keeps the conditions it is asked about.
type recorder struct{ seen []*Condition }

func (r *recorder) Decide(c *Condition) (bool, error) {
	r.seen = append(r.seen, c)
	return true, nil
}

func TestConditionLocals(t *testing.T) {
	src := `global g = 1;
@if ( g == 1 )
global h = 2;
@endif
function f(x: count, t: table[count] of string): count
	{
	local y = 1;
@if ( x == 1 )
	print 1;
@endif
	for ( [a, b] in t )
		{
@if ( a == 1 )
		print 2;
@endif
		}
	return x;
	}
`
	rec := &recorder{}
	r := NewReader("t.bro", []byte(src), rec)
	for {
		if _, err := r.Next(); err != nil {
			if err != io.EOF {
				t.Fatal(err)
			}
			break
		}
	}
	want := [][]string{nil, {"x", "t", "y"}, {"x", "t", "y", "a", "b"}}
	if len(rec.seen) != len(want) {
		t.Fatalf("got %d conditions, want %d", len(rec.seen), len(want))
	}
	for i, c := range rec.seen {
		if !slices.Equal(c.Locals, want[i]) {
			t.Errorf("condition %d: locals %v, want %v", i, c.Locals, want[i])
		}
	}
}
