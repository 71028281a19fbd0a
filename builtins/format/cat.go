// Package format holds the bifs that turn values into text: cat,
// cat_sep and fmt.
package format

import (
	"strconv"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("cat", bifCat)
	interp.Register("cat_sep", bifCatSep)
	interp.Register("fmt", bifFmt)
	interp.RegisterCheck("fmt", checkFmt)
}

// unpack returns the value and dynamic type of a variadic argument.
func unpack(v value.Value) (value.Value, types.Type) {
	if a, ok := v.R.(*value.Any); ok && a != nil {
		return a.Value, a.Type
	}
	return v, types.AnyType
}

// bifCat returns its arguments' raw renderings back to back.
func bifCat(_ *interp.Call, args []value.Value) value.Value {
	if s, ok := catScalars(args); ok {
		return value.String(s)
	}
	d := value.NewDesc(value.ModeRaw)
	for _, a := range args {
		v, t := unpack(a)
		d.AddValue(v, t)
	}
	return value.String(d.String())
}

// bifCatSep is cat with sep between the arguments and def standing in
// for every empty string among them.
func bifCatSep(_ *interp.Call, args []value.Value) value.Value {
	sep, def := args[0].AsString(), args[1].AsString()
	d := value.NewDesc(value.ModeRaw)
	for i, a := range args[2:] {
		if i > 0 {
			d.AddPlain(sep)
		}
		v, t := unpack(a)
		if t.Kind() == types.String && v.AsString() == "" {
			d.AddBytes(def)
			continue
		}
		d.AddValue(v, t)
	}
	return value.String(d.String())
}

// catScalars is cat for arguments that are all strings, counts or ints,
// the common case, without a description's allocations; ok is false if
// some argument is of another type.
func catScalars(args []value.Value) (s string, ok bool) {
	var small [64]byte
	b := small[:0]
	for _, a := range args {
		v, t := unpack(a)
		if v.IsUnset() {
			return "", false
		}
		switch t.Kind() {
		case types.String:
			b = append(b, v.AsString()...)
		case types.Count, types.Counter:
			b = strconv.AppendUint(b, v.AsCount(), 10)
		case types.Int:
			b = strconv.AppendInt(b, v.AsInt(), 10)
		default:
			return "", false
		}
	}
	return string(b), true
}
