package strings

import (
	"sort"
	"strings"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("cat_string_array", bifCatStringArray)
	interp.Register("cat_string_array_n", bifCatStringArrayN)
	interp.Register("join_string_array", bifJoinStringArray)
	interp.Register("join_string_vec", bifJoinStringVec)
	interp.Register("sort_string_array", bifSortStringArray)
	interp.Register("str_split", bifStrSplit)
}

// arrayRange returns the strings of a string_array at indices start to
// end, stopping at the first index that is missing, as Bro does.
func arrayRange(v value.Value, start, end int64) []string {
	tbl, _ := v.R.(*value.Table)
	if tbl == nil {
		return nil
	}
	var out []string
	for i := start; i <= end; i++ {
		y, ok := tbl.Lookup([]value.Value{value.Count(uint64(i))})
		if !ok {
			break
		}
		out = append(out, y.AsString())
	}
	return out
}

func tableLen(v value.Value) int64 {
	if tbl, ok := v.R.(*value.Table); ok {
		return int64(tbl.Len())
	}
	return 0
}

func bifCatStringArray(_ *interp.Call, args []value.Value) value.Value {
	return value.String(strings.Join(arrayRange(args[0], 1, tableLen(args[0])), ""))
}

// bifCatStringArrayN takes the range's bounds as C ints, as Bro does.
func bifCatStringArrayN(_ *interp.Call, args []value.Value) value.Value {
	start, end := int64(int32(args[1].AsCount())), int64(int32(args[2].AsCount()))
	return value.String(strings.Join(arrayRange(args[0], start, end), ""))
}

// bifJoinStringArray joins the elements 1 to |a|. Bro fails without a
// value when one is missing; gobro joins those before the gap.
func bifJoinStringArray(_ *interp.Call, args []value.Value) value.Value {
	return value.String(strings.Join(arrayRange(args[1], 1, tableLen(args[1])), args[0].AsString()))
}

// bifJoinStringVec joins the elements as messages describe strings:
// bytes outside [32, 126] escaped. Bro crashes on a hole; gobro joins
// an empty string there.
func bifJoinStringVec(_ *interp.Call, args []value.Value) value.Value {
	vec, _ := args[0].R.(*value.Vector)
	sep := args[1].AsString()
	var b strings.Builder
	if vec != nil {
		for i, e := range vec.Elems {
			if i > 0 {
				b.WriteString(sep)
			}
			if !e.IsUnset() {
				b.WriteString(value.EscapeString(e.AsString()))
			}
		}
	}
	return value.String(b.String())
}

// stringArrayType finds the script-level string_array type, so that
// results carry the declared type.
func stringArrayType(c *interp.Call) *types.TableType {
	if g := c.Interp.LookupGlobal("string_array"); g != nil {
		if t, ok := g.Type.(*types.TableType); ok {
			return t
		}
	}
	return &types.TableType{Index: []types.Type{types.CountType}, Yield: types.StringType}
}

func stringVecType(c *interp.Call) *types.VectorType {
	if g := c.Interp.LookupGlobal("string_vec"); g != nil {
		if t, ok := g.Type.(*types.VectorType); ok {
			return t
		}
	}
	return &types.VectorType{Elem: types.StringType}
}

func bifSortStringArray(c *interp.Call, args []value.Value) value.Value {
	elems := arrayRange(args[0], 1, tableLen(args[0]))
	sort.SliceStable(elems, func(i, j int) bool { return Compare(elems[i], elems[j]) < 0 })
	out := value.NewTable(stringArrayType(c))
	for i, s := range elems {
		out.Insert([]value.Value{value.Count(uint64(i + 1))}, value.String(s))
	}
	return value.Value{R: out}
}

// bifStrSplit cuts s at the given offsets. As in Bro 2.6, the pieces
// start at index 1 of the result, leaving index 0 empty, and no offsets
// at all give an empty vector.
func bifStrSplit(c *interp.Call, args []value.Value) value.Value {
	s := args[0].AsString()
	out := &value.Vector{Type: stringVecType(c)}
	idx, _ := args[1].R.(*value.Vector)
	if idx == nil || len(idx.Elems) == 0 {
		return value.Value{R: out}
	}
	cuts := []int64{0}
	for _, e := range idx.Elems {
		n := int64(int32(e.AsCount()))
		if n >= int64(len(s)) || n < 0 {
			n = 0
		}
		cuts = append(cuts, n)
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i] < cuts[j] })
	uniq := cuts[:1]
	for _, n := range cuts[1:] {
		if n != uniq[len(uniq)-1] {
			uniq = append(uniq, n)
		}
	}
	out.Elems = append(out.Elems, value.Unset)
	for i, start := range uniq {
		end := int64(len(s))
		if i+1 < len(uniq) {
			end = uniq[i+1]
		}
		piece, _ := Substring(s, start, end-start)
		out.Elems = append(out.Elems, value.String(piece))
	}
	return value.Value{R: out}
}
