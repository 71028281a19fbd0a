package broker

import "testing"

// TestAdderRemover: what Broker's adder and remover do to each type.
func TestAdderRemover(t *testing.T) {
	cases := []struct {
		cur, v Data
		add    bool
		want   string
		err    errCode
	}{
		{Count(3), Count(4), true, "7", errNone},
		{Count(3), Int(4), true, "3", errTypeClash},
		{Int(-3), Int(1), false, "-4", errNone},
		{Real(1.5), Real(0.25), true, "1.750000", errNone},
		{Timespan(5), Timespan(2), false, "3ns", errNone},
		{Timestamp(10), Timespan(5), true, "", errNone},
		{String("ab"), String("c"), true, "abc", errNone},
		{String("ab"), String("c"), false, "ab", errTypeClash},
		{NewVector(Count(1)), Count(2), true, "[1, 2]", errNone},
		{NewVector(Count(1), Count(2)), Count(1), false, "[1]", errNone},
		{NewVector(), Count(1), false, "[]", errNone},
		{NewSet(Count(1)), Count(2), true, "{1, 2}", errNone},
		{NewSet(Count(1), Count(2)), Count(1), false, "{2}", errNone},
		{NewTable(), NewVector(String("k"), Count(1)), true, "{k -> 1}", errNone},
		{NewTable(), NewVector(String("k")), true, "{}", errInvalidData},
		{NewTable(), String("k"), true, "{}", errTypeClash},
		{Bool(true), Bool(true), true, "T", errTypeClash},
	}
	for _, c := range cases {
		cur := c.cur.Clone()
		var e errCode
		if c.add {
			e = adder(&cur, c.v)
		} else {
			e = remover(&cur, c.v)
		}
		if e != c.err {
			t.Errorf("%v with %v (add %v): error %v, want %v", c.cur, c.v, c.add, e, c.err)
		}
		if c.want != "" && cur.String() != c.want {
			t.Errorf("%v with %v (add %v): %v, want %s", c.cur, c.v, c.add, cur, c.want)
		}
	}
	ts := Timestamp(10)
	adder(&ts, Timespan(5))
	if ts.AsNanos() != 15 {
		t.Errorf("timestamp moved to %d", ts.AsNanos())
	}
}

// TestRetrieve: get_index_from_value's answers.
func TestRetrieve(t *testing.T) {
	vec := NewVector(String("a"), String("b"))
	tab := NewTable()
	tab.TablePut(String("k"), Count(1))
	cases := []struct {
		cur, aspect Data
		want        string
		err         errCode
	}{
		{vec, Count(1), "b", errNone},
		{vec, Int(0), "a", errNone},
		{vec, Count(2), "", errNoSuchKey},
		{vec, String("x"), "", errTypeClash},
		{NewSet(Count(1)), Count(1), "T", errNone},
		{NewSet(Count(1)), Count(2), "F", errNone},
		{tab, String("k"), "1", errNone},
		{tab, String("j"), "", errNoSuchKey},
		{Count(1), Count(1), "", errTypeClash},
	}
	for _, c := range cases {
		got, e := retrieve(c.cur, c.aspect)
		if e != c.err || (e == errNone && got.String() != c.want) {
			t.Errorf("%v[%v]: %v %v, want %s %v", c.cur, c.aspect, got, e, c.want, c.err)
		}
	}
}
