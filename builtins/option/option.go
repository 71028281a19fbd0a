// Package option holds Option::set and Option::set_change_handler: the
// only way a script changes an "option" global once it is declared, and
// the handlers that see, and may rewrite, each new value.
package option

import (
	"fmt"
	"sort"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("Option::set", set)
	interp.Register("Option::set_change_handler", setChangeHandler)
}

// handler is one change handler of an option.
type handler struct {
	fn       value.Value
	priority int64
	takesLoc bool // has the third, location, parameter
	anyValue bool // takes the value as an any
}

// handlers holds each option's change handlers, highest priority first,
// equal priorities in the order they were added. Globals belong to one
// interpreter, so keying by them keeps interpreters apart.
var handlers = map[*interp.Global][]handler{}

func unwrap(v value.Value) (types.Type, value.Value) {
	var t types.Type = types.AnyType
	for {
		a, ok := v.R.(*value.Any)
		if !ok {
			return t, v
		}
		t, v = a.Type, a.Value
	}
}

// option finds the option a call names, reporting why not.
func option(c *interp.Call, id string) *interp.Global {
	g := c.Interp.LookupGlobal(id)
	if g == nil {
		c.BuiltinError(fmt.Sprintf("Could not find ID named '%s'", id))
		return nil
	}
	if !g.Option {
		c.BuiltinError(fmt.Sprintf("ID '%s' is not an option", id))
		return nil
	}
	return g
}

// kind names a type's kind as Bro's messages about options do.
func kind(t types.Type) string {
	if t.Kind() == types.Func {
		return "func"
	}
	return t.Kind().String()
}

// set gives an option a new value: each change handler in turn receives
// the option's name, the value (as the previous handler returned it) and,
// if it asks for it, the location; the last result is what the option
// takes.
func set(c *interp.Call, args []value.Value) value.Value {
	id := args[0].AsString()
	g := option(c, id)
	if g == nil {
		return value.Bool(false)
	}
	vt, v := unwrap(args[1])
	if !interp.SameType(vt, g.Type) {
		c.BuiltinError(fmt.Sprintf("Incompatible type for set of ID '%s': got '%s', need '%s'", id, kind(vt), kind(g.Type)))
		return value.Bool(false)
	}
	for _, h := range handlers[g] {
		arg := v
		if h.anyValue {
			// A handler may take and return the value as an any.
			arg = value.Value{R: &value.Any{Type: g.Type, Value: v}}
		}
		callArgs := []value.Value{value.String(id), arg}
		if h.takesLoc {
			callArgs = append(callArgs, args[2])
		}
		v = c.Interp.CallFunc(h.fn, callArgs...)
		if a, ok := v.R.(*value.Any); ok && a != nil && g.Type.Kind() != types.Any {
			v = a.Value
		}
	}
	g.Value = v
	return value.Bool(true)
}

// setChangeHandler adds a function called on every Option::set of the
// option: function(ID: string, new_value: T[, location: string]): T.
func setChangeHandler(c *interp.Call, args []value.Value) value.Value {
	id := args[0].AsString()
	g := option(c, id)
	if g == nil {
		return value.Bool(false)
	}
	ft, fv := unwrap(args[1])
	fnType, ok := ft.(*types.FuncType)
	if !ok {
		c.BuiltinError(fmt.Sprintf("Option::on_change needs function argument; got '%s' for ID '%s'", kind(ft), id))
		return value.Bool(false)
	}
	if fnType.Flavor != types.FlavorFunction {
		c.BuiltinError("Option::on_change needs function argument; not hook or event")
		return value.Bool(false)
	}
	params := fnType.Params
	if len(params) < 2 || len(params) > 3 {
		c.BuiltinError(fmt.Sprintf("Wrong number of arguments for passed function in Option::on_change for ID '%s'; expected 2 or 3, got %d", id, len(params)))
		return value.Bool(false)
	}
	if params[0].Type.Kind() != types.String {
		c.BuiltinError(fmt.Sprintf("First argument of passed function has to be string in Option::on_change for ID '%s'; got '%s'", id, kind(params[0].Type)))
		return value.Bool(false)
	}
	if !interp.SameType(params[1].Type, g.Type) {
		c.BuiltinError(fmt.Sprintf("Second argument of passed function has to be %s in Option::on_change for ID '%s'; got '%s'", kind(g.Type), id, kind(params[1].Type)))
		return value.Bool(false)
	}
	if len(params) == 3 && params[2].Type.Kind() != types.String {
		c.BuiltinError(fmt.Sprintf("Third argument of passed function has to be string in Option::on_change for ID '%s'; got '%s'", id, kind(params[2].Type)))
		return value.Bool(false)
	}
	result := fnType.Result
	if result == nil {
		result = types.VoidType
	}
	if !interp.SameType(result, g.Type) {
		c.BuiltinError(fmt.Sprintf("Passed function needs to return type '%s' for ID '%s'; got '%s'", kind(g.Type), id, kind(result)))
		return value.Bool(false)
	}
	hs := append(handlers[g], handler{fn: fv, priority: args[2].AsInt(), takesLoc: len(params) == 3, anyValue: params[1].Type.Kind() == types.Any && g.Type.Kind() != types.Any})
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].priority > hs[j].priority })
	handlers[g] = hs
	return value.Bool(true)
}
