package containers

import (
	"net/netip"
	"sort"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// subnetTable returns a table or set indexed by one subnet, or false.
func subnetTable(arg value.Value) (*value.Table, bool) {
	t, v := dynamic(arg)
	tt, ok := t.(*types.TableType)
	tab, ok2 := v.R.(*value.Table)
	if !ok || !ok2 || len(tt.Index) != 1 || tt.Index[0].Kind() != types.Subnet {
		return nil, false
	}
	return tab, true
}

// covers reports whether subnet outer contains subnet inner.
func covers(outer, inner netip.Prefix) bool {
	return outer.Bits() <= inner.Bits() && outer.Addr().Is4() == inner.Addr().Is4() && outer.Contains(inner.Addr())
}

// covering returns the table's keys that contain search, most specific
// first, as a longest-prefix search walks back up the tree.
func covering(tab *value.Table, search netip.Prefix) []*value.Entry {
	var out []*value.Entry
	tab.Each(func(e *value.Entry) bool {
		if covers(e.Key[0].AsSubnet(), search) {
			out = append(out, e)
		}
		return true
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key[0].AsSubnet().Bits() > out[j].Key[0].AsSubnet().Bits() })
	return out
}

var subnetVec = &types.VectorType{Elem: types.SubnetType}

// matchingSubnets returns the subnets of a set[subnet] or table[subnet]
// that contain search, most specific first.
func matchingSubnets(c *interp.Call, args []value.Value) value.Value {
	vec := &value.Vector{Type: subnetVec}
	tab, ok := subnetTable(args[1])
	if !ok {
		c.ReporterError("matching_subnets needs to be called on a set[subnet]/table[subnet].")
		return value.Value{R: vec}
	}
	for _, e := range covering(tab, args[0].AsSubnet()) {
		vec.Elems = append(vec.Elems, e.Key[0])
	}
	return value.Value{R: vec}
}

// filterSubnetTable returns a new table of the same type holding the
// elements whose subnet contains search.
func filterSubnetTable(c *interp.Call, args []value.Value) value.Value {
	tab, ok := subnetTable(args[1])
	if !ok {
		c.ReporterError("filter_subnet_table needs to be called on a set[subnet]/table[subnet].")
		return value.Value{}
	}
	out := value.NewTable(tab.Type)
	for _, e := range covering(tab, args[0].AsSubnet()) {
		out.Insert(e.Key, e.Yield)
	}
	return asAny(tab.Type, value.Value{R: out})
}

// checkSubnet tells whether search itself, not a subnet containing it, is
// a key of the table.
func checkSubnet(c *interp.Call, args []value.Value) value.Value {
	tab, ok := subnetTable(args[1])
	if !ok {
		c.ReporterError("check_subnet needs to be called on a set[subnet]/table[subnet].")
		return value.Bool(false)
	}
	_, found := tab.Lookup([]value.Value{args[0]})
	return value.Bool(found)
}
