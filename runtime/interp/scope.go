package interp

import (
	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// local is a local variable bound to a slot of its body's frame.
type local struct {
	slot  int
	t     types.Type
	konst bool
	// mayBeUnset marks a local declared without a value whose type Bro
	// gives no starting value (anything but a record, table, set or
	// vector): reading it before an assignment is an error.
	mayBeUnset bool
}

// scope resolves names while one body (or the top level) is compiled.
// Locals of nested blocks share the body's frame, each with its own slot:
// Bro's locals are visible from their declaration to the end of the body.
type scope struct {
	in     *Interp
	module string
	locals map[string]*local
	slots  int
	result types.Type // the function's result type; nil for none
	// outer is the enclosing body's scope, for an anonymous function.
	outer *scope
	// softFails tells that the statement being compiled holds an
	// expression that can fail with a softError.
	softFails bool
	// bodyInits, inside a function, event or hook body, collects the
	// initialisations of locals declared without a value; they run
	// once, when the body starts (Bro's InitStmt), not where the
	// declaration stands.
	bodyInits []stmtFn
	inBody    bool
	// inBraceInit is set while the elements of a "{ ... }" initializer
	// of a set or table are compiled: there an index part may be a
	// list or a set, standing for each of its members.
	inBraceInit bool
	// typedCtor is set while a constructor is checked against a type
	// given to it ("T(...)" with T a named type, or a set constructor
	// checked again for the set it is assigned to): its elements are
	// checked with Bro's promotion messages.
	typedCtor bool
	// outerUses are the uses of enclosing bodies' locals in this
	// anonymous function's body.
	outerUses []outerUse
	// depth is how deep in statements the one being compiled stands:
	// 1 for a statement of a body's own list.
	depth int
	// returnSite is the call site of the last "return f(...)" compiled
	// whose value is the function's unconverted (see passThrough).
	returnSite *callSite
}

func newScope(in *Interp, module string, fn *types.FuncType) *scope {
	sc := &scope{in: in, module: module, locals: map[string]*local{}}
	if fn != nil {
		sc.result = fn.Result
		for _, p := range fn.Params {
			sc.declare(p.Name, p.Type, false)
		}
	}
	return sc
}

// startUnset makes a local of a body hold no value until an assignment
// runs: reading it before is Bro's "value used but not set" (Bro's
// frames start empty).
func (sc *scope) startUnset(l *local) {
	if !sc.inBody {
		return
	}
	l.mayBeUnset = true
	slot := l.slot
	sc.bodyInits = append(sc.bodyInits, func(fr *Frame) flow {
		fr.locals[slot] = value.Unset
		return flowNormal
	})
}

// declare binds a local name to a new slot.
func (sc *scope) declare(name string, t types.Type, konst bool) *local {
	l := &local{slot: sc.slots, t: t, konst: konst}
	sc.slots++
	sc.locals[name] = l
	return l
}

// frame returns a new frame big enough for the scope's locals.
func (sc *scope) frame() *Frame {
	return &Frame{locals: make([]value.Value, sc.slots)}
}

// framer returns what gives code compiled in sc a frame to run in, each
// time it runs: one frame for every run when the code has no locals (as
// a &default or another attribute's expression has none), else a fresh
// one, so that evaluating such an expression allocates nothing.
func (sc *scope) framer() func() *Frame {
	if sc.slots == 0 {
		fr := sc.frame()
		return func() *Frame { return fr }
	}
	return sc.frame
}

// resolveType turns a type expression into a type, reporting unknown
// names.
func (sc *scope) resolveType(t *ast.Type) types.Type {
	in := sc.in
	switch {
	case t == nil:
		return nil
	case t.Basic != "":
		return types.BasicByName[t.Basic]
	case t.Name != "":
		g := in.lookup(t.Name, sc.module)
		in.checkExported(t.Pos, t.Name, sc.module, g)
		switch {
		case g == nil:
			in.errorAt(t.Pos, "identifier not defined: %s", t.Name)
			return types.ErrorType
		case !g.IsType:
			// Bro's second object is an empty statement, which
			// describes as nothing.
			in.errorIn(posLoc(g.Pos), posLoc(t.Pos), "not a BRO type (%s and )", g.Name)
			return types.ErrorType
		}
		if g.Deprecated {
			in.deprecatedUse(t, t.Pos, g.Name)
		}
		return g.Type
	case t.Table != nil:
		tt := &types.TableType{Index: sc.resolveTypes(t.Table.Index), Yield: sc.resolveType(t.Table.Yield)}
		if in.indexPos == nil {
			in.indexPos = map[*types.TableType]ast.Pos{}
		}
		in.indexPos[tt] = t.Table.Index[0].Pos
		return tt
	case t.Set != nil:
		return &types.TableType{Index: sc.resolveTypes(t.Set.Index)}
	case t.Vector != nil:
		return &types.VectorType{Elem: sc.resolveType(t.Vector.Elem)}
	case t.Record != nil:
		return types.NewRecord("", sc.fields(t.Record.Fields))
	case t.Enum != nil:
		e := types.NewEnum("")
		sc.in.addEnumValues(e, t.Enum.Values, sc.module)
		return e
	case t.Func != nil:
		return sc.funcType(t.Func.Kind, t.Func.Params)
	case t.File != nil:
		if t.File.Elem == nil {
			return &types.FileType{Elem: types.StringType}
		}
		return &types.FileType{Elem: sc.resolveType(t.File.Elem)}
	case t.Opaque != "":
		return &types.OpaqueType{Name: t.Opaque}
	case t.List != nil:
		if t.List.Elem == nil {
			return &types.ListType{}
		}
		return &types.ListType{Types: []types.Type{sc.resolveType(t.List.Elem)}}
	case t.Union != nil:
		in.errorAt(t.Pos, "union type not supported")
		return types.ErrorType
	}
	return types.ErrorType
}

func (sc *scope) resolveTypes(ts []*ast.Type) []types.Type {
	out := make([]types.Type, len(ts))
	for i, t := range ts {
		out[i] = sc.resolveType(t)
	}
	return out
}

// fields resolves record fields.
func (sc *scope) fields(fs []*ast.Field) []*types.Field {
	out := make([]*types.Field, 0, len(fs))
	for _, f := range fs {
		tf := &types.Field{Name: f.Name, Type: sc.resolveType(f.Type)}
		for ai, a := range f.Attrs {
			switch a.Name {
			case "&optional":
				tf.Optional = true
			case "&log":
				tf.Log = true
			case "&deprecated":
				tf.Deprecated = true
			case "&default":
				tf.HasDefault = true
				tf.Optional = true // a field's &default implies &optional
				sc.compileFieldDefault(tf, a, f.Attrs[:ai+1])
			}
		}
		sc.compileFieldExpiry(tf, f.Attrs)
		out = append(out, tf)
	}
	return out
}

// funcType resolves a function, event or hook signature.
func (sc *scope) funcType(kind string, p *ast.FuncParams) *types.FuncType {
	ft := &types.FuncType{}
	switch kind {
	case "event":
		ft.Flavor = types.FlavorEvent
	case "hook":
		ft.Flavor = types.FlavorHook
		ft.Result = types.BoolType
	}
	for i, param := range p.Params {
		tp := types.Param{Name: param.Name, Type: sc.resolveType(param.Type), TypeLoc: sc.typeWhere(param.Type)}
		for _, a := range param.Attrs {
			if a.Name == "&default" {
				tp.Default = true
				if a.Value != nil {
					tp.DefaultText = sc.describe(a.Value)
					sc.in.noteParamDefault(ft, len(p.Params), i, a.Value, sc.module)
				}
			}
		}
		ft.Params = append(ft.Params, tp)
	}
	if p.Result != nil {
		ft.Result = sc.resolveType(p.Result)
	}
	ft.ArgsLoc = posLoc(p.Pos)
	if n := len(p.Params); n > 0 {
		ft.ArgsLoc = posLoc(p.Params[n-1].Pos)
	}
	return ft
}

// typeWhere is where the type a type expression names was written, as
// messages locate a type: a named type where it was declared, any other
// where it stands. (A basic type has a pseudo-location of its own; see
// typeLoc.)
func (sc *scope) typeWhere(t *ast.Type) string {
	if t == nil {
		return ""
	}
	if t.Name != "" {
		if g := sc.in.lookup(t.Name, sc.module); g != nil && g.IsType {
			return posLoc(g.Pos)
		}
	}
	return posLoc(t.Pos)
}

// paramDefault is the &default expression of a parameter, with the
// module it was written in.
type paramDefault struct {
	expr   ast.Expr
	module string
}

// noteParamDefault records the &default of parameter i (of n) of ft, so
// that describing a call can write out the arguments Bro fills in.
func (in *Interp) noteParamDefault(ft *types.FuncType, n, i int, e ast.Expr, module string) {
	if in.paramDefaults == nil {
		in.paramDefaults = map[*types.FuncType][]paramDefault{}
	}
	defs := in.paramDefaults[ft]
	if defs == nil {
		defs = make([]paramDefault, n)
		in.paramDefaults[ft] = defs
	}
	defs[i] = paramDefault{expr: e, module: module}
}

// paramDefault compiles the &default of parameter i of ft, promoted to
// the parameter's type as an argument is, and returns it with the
// default's own static type; nil, nil if there is none or it has errors.
// As in Bro, a call that leaves out trailing parameters gets them from
// the type the function is called through: for a global function, its
// first declaration.
func (sc *scope) paramDefault(ft *types.FuncType, i int) (exprFn, types.Type) {
	defs := sc.in.paramDefaults[ft]
	if i >= len(defs) || defs[i].expr == nil {
		return nil, nil
	}
	dsc := newScope(sc.in, defs[i].module, nil)
	c := dsc.expr(defs[i].expr)
	if c.t == nil {
		return nil, nil
	}
	fn, ok := dsc.coerce(c, ft.Params[i].Type)
	if !ok {
		return nil, c.t
	}
	frame := dsc.framer()
	return func(*Frame) value.Value { return fn(frame()) }, c.t
}
