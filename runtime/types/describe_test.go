package types

import "testing"

func TestDescribe(t *testing.T) {
	inner := NewRecord("Inner", []*Field{{Name: "a", Type: CountType}})
	self := NewRecord("Node", nil)
	self.AddField(&Field{Name: "next", Type: self})
	for _, c := range []struct {
		t    Type
		want string
	}{
		{CountType, "count"},
		{&TableType{Index: []Type{CountType, StringType}, Yield: AddrType}, "table[count,string] of addr"},
		{&TableType{Index: []Type{PortType}}, "set[port]"},
		{&VectorType{Elem: inner}, "vector of record { a:count; }"},
		{&FuncType{Flavor: FlavorFunction, Params: []Param{{Name: "x", Type: IntType}}}, "function(x:int;) : void"},
		{&FuncType{Flavor: FlavorEvent, Params: []Param{{Name: "c", Type: CountType}}}, "event(c:count;)"},
		{self, "record { next:<recursion>; }"},
	} {
		if got := Describe(c.t); got != c.want {
			t.Errorf("Describe(%v) = %q, want %q", c.t, got, c.want)
		}
	}
}
