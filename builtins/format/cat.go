// Package format holds the bifs that turn values into text: cat,
// cat_sep and fmt.
package format

import (
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
