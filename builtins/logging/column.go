package logging

import (
	"gobro/runtime/types"
)

// Column is one column of a log as a writer receives it: the flattened
// name ("id.orig_h"), after renaming and prefixing, and the script type of
// its values.
type Column struct {
	Name     string
	Type     types.Type
	Optional bool
}

// TypeName returns a column type as the #types header line names it:
// the basic type's name, "set[T]" for any set (Bro logs only sets of one
// atomic type), "vector[T]" for vectors.
func TypeName(t types.Type) string {
	switch tt := t.(type) {
	case *types.TableType:
		return "set[" + elemKindName(tableElem(tt)) + "]"
	case *types.VectorType:
		return "vector[" + elemKindName(tt.Elem) + "]"
	}
	return t.Kind().String()
}

// tableElem returns the element type of a set, or nil.
func tableElem(t *types.TableType) types.Type {
	if len(t.Index) == 0 {
		return nil
	}
	return t.Index[0]
}

func elemKindName(t types.Type) string {
	if t == nil {
		return "void"
	}
	return t.Kind().String()
}

// Loggable reports whether values of type t can be a log column (after
// records are flattened): the atomic types, and sets and vectors of them.
func Loggable(t types.Type) bool { return loggable(t, false) }

func loggable(t types.Type, atomicOnly bool) bool {
	if t == nil {
		return false
	}
	switch t.Kind() {
	case types.Bool, types.Int, types.Count, types.Counter, types.Port,
		types.Subnet, types.Addr, types.Double, types.Time, types.Interval,
		types.Enum, types.String, types.File, types.Func:
		return true
	case types.Record:
		return !atomicOnly
	case types.Table:
		tt := t.(*types.TableType)
		if atomicOnly || !tt.IsSet() || len(tt.Index) != 1 {
			return false
		}
		return loggable(tt.Index[0], true)
	case types.Vector:
		if atomicOnly {
			return false
		}
		return loggable(t.(*types.VectorType).Elem, true)
	}
	return false
}
