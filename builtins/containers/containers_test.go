package containers

import (
	"net/netip"
	"testing"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

func TestTypeNameExpandsNamedRecordsAndWritesVoid(t *testing.T) {
	rec := types.NewRecord("myrecord", []*types.Field{{Name: "c", Type: types.CountType}, {Name: "s", Type: types.StringType}})
	cases := map[string]types.Type{
		"record { c:count; s:string; }":               rec,
		"vector of record { c:count; s:string; }":     &types.VectorType{Elem: rec},
		"set[port,string]":                            &types.TableType{Index: []types.Type{types.PortType, types.StringType}},
		"table[string] of table[addr,port] of string": &types.TableType{Index: []types.Type{types.StringType}, Yield: &types.TableType{Index: []types.Type{types.AddrType, types.PortType}, Yield: types.StringType}},
		"function(aa:int; bb:int;) : bool":            &types.FuncType{Params: []types.Param{{Name: "aa", Type: types.IntType}, {Name: "bb", Type: types.IntType}}, Result: types.BoolType},
		"function() : void":                           &types.FuncType{},
		"event(c:count;)":                             &types.FuncType{Flavor: types.FlavorEvent, Params: []types.Param{{Name: "c", Type: types.CountType}}},
		"enum":                                        types.NewEnum("color"),
		"set[enum]":                                   &types.TableType{Index: []types.Type{types.NewEnum("color")}},
	}
	for want, typ := range cases {
		if got := types.Describe(typ); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestCoerceToIntAsBroComparesWithoutAFunction(t *testing.T) {
	if a, b := coerceToInt(types.PortType, value.Port(500, value.UDP)), coerceToInt(types.PortType, value.Port(12, value.ICMP)); a >= b {
		t.Errorf("udp ports sort before icmp ones: %d, %d", a, b)
	}
	if a, b := coerceToInt(types.DoubleType, value.Double(3.9)), coerceToInt(types.DoubleType, value.Double(3.1)); a != b {
		t.Errorf("doubles are truncated: %d, %d", a, b)
	}
	if got := coerceToInt(types.IntType, value.Int(-7)); got != -7 {
		t.Errorf("int: %d", got)
	}
	if got := coerceToInt(types.AddrType, value.Addr(netip.MustParseAddr("1.2.3.4"))); got != 0 {
		t.Errorf("addr: %d", got)
	}
}

func TestCoveringMostSpecificFirst(t *testing.T) {
	tab := value.NewTable(&types.TableType{Index: []types.Type{types.SubnetType}})
	for _, s := range []string{"10.0.0.0/8", "10.2.0.2/31", "10.2.0.0/16", "::/0", "11.0.0.0/8"} {
		tab.Insert([]value.Value{value.Subnet(netip.MustParsePrefix(s))}, value.Value{})
	}
	var got []string
	for _, e := range covering(tab, netip.MustParsePrefix("10.2.0.3/32")) {
		got = append(got, e.Key[0].AsSubnet().String())
	}
	want := []string{"10.2.0.2/31", "10.2.0.0/16", "10.0.0.0/8"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestContainerMembersCarryTheirTypes(t *testing.T) {
	tt := &types.TableType{Index: []types.Type{types.StringType, types.CountType}, Yield: types.AddrType}
	tab := value.NewTable(tt)
	tab.Insert([]value.Value{value.String("a"), value.Count(1)}, value.Addr(netip.MustParseAddr("10.0.0.1")))
	keys := containerMembers(nil, []value.Value{asAny(tt, value.Value{R: tab})}).R.(*value.Vector)
	if len(keys.Elems) != 1 {
		t.Fatalf("got %d keys", len(keys.Elems))
	}
	k := keys.Elems[0].R.(*value.Any)
	parts := k.Value.R.(*value.Vector).Elems
	if len(parts) != 2 || parts[0].R.(*value.Any).Type != types.StringType || parts[1].R.(*value.Any).Value.AsCount() != 1 {
		t.Errorf("composite index: %+v", parts)
	}
	ys := tableYields(nil, []value.Value{asAny(tt, value.Value{R: tab})}).R.(*value.Vector)
	if y := ys.Elems[0].R.(*value.Any); y.Type != types.AddrType {
		t.Errorf("yield type %v", y.Type)
	}
	vt := &types.VectorType{Elem: types.CountType}
	vec := &value.Vector{Type: vt, Elems: []value.Value{value.Count(1), value.Unset, value.Count(3)}}
	if got := containerMembers(nil, []value.Value{asAny(vt, value.Value{R: vec})}).R.(*value.Vector); len(got.Elems) != 2 {
		t.Errorf("holes kept: %d elements", len(got.Elems))
	}
}
