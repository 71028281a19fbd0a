package interp

import (
	"fmt"
	"strconv"

	"gobro/lang/ast"
	"gobro/runtime/loader"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Declare applies one declaration, as the loader hands it over.
func (in *Interp) Declare(d ast.Decl, s loader.Scope) error {
	in.exporting = s.Export
	switch d := d.(type) {
	case *ast.VarDecl:
		in.varDecl(d, s.Module)
	case *ast.TypeDecl:
		in.typeDecl(d, s.Module)
	case *ast.RedefEnumDecl:
		in.redefEnum(d, s.Module)
	case *ast.RedefRecordDecl:
		in.redefRecord(d, s.Module)
	case *ast.FuncDecl:
		in.funcDecl(d, s.Module)
	case *ast.StmtDecl:
		if in.topScope == nil {
			in.topScope = newScope(in, s.Module, nil)
		}
		in.topScope.module = s.Module
		if fn := in.topScope.stmt(d.Stmt); fn != nil {
			in.topLevel = append(in.topLevel, fn)
		}
	}
	if in.aborted {
		return ErrParseAborted
	}
	return nil
}

// zeroOf is zero for a variable declared without a value: a record
// starts with its &default fields, as Bro's RecordVal does.
func (in *Interp) zeroOf(t types.Type) value.Value {
	if rt, ok := t.(*types.RecordType); ok {
		return value.Value{R: in.newRecord(rt)}
	}
	return zero(t)
}

// checkScalarDefault checks a &default on a variable that is not a
// table: Bro 2.6 accepts it, to no effect, when its value has the
// variable's type (or, for records, one that promotes to it).
func (sc *scope) checkScalarDefault(attrs []*ast.Attr, t types.Type) {
	if t.Kind() == types.Table {
		return
	}
	for i, a := range attrs {
		if a.Name != "&default" || a.Value == nil {
			continue
		}
		dsc := newScope(sc.in, sc.module, nil)
		c := dsc.expr(a.Value)
		if c.t == nil || sameType(c.t, t) {
			continue
		}
		if t.Kind() == types.Record && c.t.Kind() == types.Record {
			if _, ok := dsc.coerce(c, t); ok {
				continue
			}
		}
		sc.in.errorAt(a.Pos, "&default value has inconsistent type (%s)", sc.describeAttrs(attrs[:i+1]))
	}
}

// startsUnset reports whether a variable of type t declared without a
// value holds none (Bro gives values only to records, tables, sets and
// vectors, and gobro to function globals through their bodies).
func startsUnset(t types.Type) bool {
	switch t.(type) {
	case *types.RecordType, *types.TableType, *types.VectorType, *types.FuncType:
		return false
	}
	return true
}

// zero returns the value a variable of type t starts with: empty
// containers for tables, sets and vectors; nothing otherwise.
func zero(t types.Type) value.Value {
	switch t := t.(type) {
	case *types.TableType:
		return value.Value{R: value.NewTable(t)}
	case *types.VectorType:
		return value.Value{R: &value.Vector{Type: t}}
	}
	return value.Value{}
}

// varDecl applies global, const, option and redef declarations.
func (in *Interp) varDecl(d *ast.VarDecl, module string) {
	sc := newScope(in, module, nil)
	if d.Kind == "redef" {
		in.redefVar(d, sc)
		return
	}
	name := fullName(module, d.Name)
	if g := in.globals[name]; g != nil {
		in.redeclare(d, sc, g)
		return
	}
	t := sc.resolveType(d.Type)
	var init compiled
	before, initBad := in.nerrs, false
	if d.Init != nil {
		init = in.initializer(sc, d.Init, t)
		// Errors in the fields of a record constructor leave it
		// standing (with error-typed fields), and Bro evaluates it.
		initBad = in.nerrs-init.fieldErrs > before
		if init.t == nil {
			if init.badCoerce != "" {
				in.badRecordInit(d, sc, name, t, "(coerce "+init.badCoerce+" to error)")
			}
			return
		}
		if t == nil {
			t = implicitType(init.t)
		}
	}
	if t == nil {
		// Bro's ID::Error gives the identifier the error type: the
		// global exists, without a value, and its uses draw no
		// further type errors.
		in.errorAt(d.Pos, "no type given (%s)", name)
		in.globals[name] = &Global{Name: name, Type: types.ErrorType, Pos: d.Pos, Exported: in.exporting, Value: value.Unset}
		return
	}
	// An option is implicitly &redef.
	g := &Global{Name: name, Type: t, Pos: d.Pos, Exported: in.exporting, Const: d.Kind == "const" || d.Kind == "option", Option: d.Kind == "option", Redef: d.Kind == "option", Value: in.zeroOf(t)}
	for _, a := range globalAttrs(d) {
		switch a.Name {
		case "&redef":
			g.Redef = true
		case "&deprecated":
			g.Deprecated = true
		}
	}
	if ft, ok := t.(*types.FuncType); ok {
		if ft.Flavor != types.FlavorFunction {
			g.Handler = &Handlers{used: coreDeclared(d.Pos)}
			g.Value = eventValue(name, ft, g.Handler)
		} else if d.Init == nil {
			if v, ok := builtinFor(name, ft); ok {
				g.Value, g.Const = v, true
			}
		}
	}
	if d.Init == nil && startsUnset(t) {
		g.Value = value.Unset
	}
	if g.Handler != nil && hasAttr(d.Attrs, "&error_handler") {
		g.Handler.errorHandler = true
	}
	in.globals[name] = g
	withDefault := sc.tableDefault(d.Attrs, t)
	sc.checkScalarDefault(d.Attrs, t)
	expiry := sc.tableExpiry(d.Attrs, t)
	if d.Init != nil {
		before := in.nerrs
		fn, ok := sc.initValue(d, init, t)
		if !ok {
			return
		}
		if fn == nil || initBad || in.nerrs > before {
			// Bro evaluates no initializer with errors; a record
			// whose coercion failed is a bad initializer.
			if _, isRec := init.t.(*types.RecordType); isRec && t.Kind() == types.Record {
				in.errorAt(d.Init.Pos, "bad record initializer ((coerce %s to error))", sc.describeCompiled(init))
			}
			return
		}
		v, ok := in.protect(func() value.Value { return fn(sc.frame()) })
		if !ok {
			// Bro's make_var gives the global no value. A record
			// initializer is coerced to the global's type, and the
			// coercion, finding no value, reports it.
			g.Value = value.Unset
			if t.Kind() == types.Record {
				in.errorAt(d.Init.Pos, "bad record initializer ((coerce %s to %s))", sc.describeInit(d.Init), t)
			}
			return
		}
		g.Value = v
	}
	if tab, ok := g.Value.R.(*value.Table); ok {
		withDefault(tab)
		if expiry != nil {
			in.setExpiry(g, tab, expiry)
		}
	}
	// As Bro's make_var, once the declaration is applied: a constant
	// that cannot be redefined later and an option need a value here.
	switch {
	case d.Init == nil && d.Kind == "const" && !g.Redef:
		in.errorAt(d.Pos, "const variable must be initialized (%s)", name)
	case d.Init == nil && d.Kind == "option":
		in.errorAt(d.Pos, "option variable must be initialized (%s)", name)
	}
}

// redefIndexed rewrites "redef t[k] = v;", which reads as t followed by
// the assignment "[k] = v", into what Bro makes of it:
// "redef t += { [k] = v };". Other declarations come back unchanged.
func redefIndexed(d *ast.VarDecl) *ast.VarDecl {
	if d.Op != "" || d.Type != nil || d.Init == nil || d.Init.Brace || len(d.Init.Elems) != 1 {
		return d
	}
	a, ok := d.Init.Elems[0].(*ast.Assign)
	if !ok || a.Op != "=" {
		return d
	}
	if _, ok := a.X.(*ast.ListExpr); !ok {
		return d
	}
	nd := *d
	nd.Op = "+="
	nd.Init = &ast.Init{Pos: d.Init.Pos, Brace: true, Elems: []ast.Expr{a}}
	return &nd
}

// badRecordInit reports a global whose initializer is a record
// coercion that failed (desc describes it, of the error type): when the
// global has a record type of its own, Bro coerces the coercion to it
// again, which fails too. The global is declared all the same, with its
// type or the error type, so that later uses draw no more errors.
func (in *Interp) badRecordInit(d *ast.VarDecl, sc *scope, name string, t types.Type, desc string) {
	if t != nil && t.Kind() == types.Record {
		desc = "(coerce " + desc + " to error)"
	}
	in.errorAt(d.Init.Pos, "bad record initializer (%s)", desc)
	if t == nil {
		t = types.ErrorType
	}
	in.globals[name] = &Global{Name: name, Type: t, Pos: d.Pos, Exported: in.exporting, Const: d.Kind == "const" || d.Kind == "option", Value: value.Unset}
}

// initValue compiles the initializer of a global declared d of type t,
// as Bro's make_var evaluates it: an anonymous constructor of another
// type goes into t (initCtor), anything else is coerced to t. ok is
// false once an error is reported.
func (sc *scope) initValue(d *ast.VarDecl, init compiled, t types.Type) (exprFn, bool) {
	fn, ok, handled := sc.initCtor(init, t)
	if handled {
		return fn, ok
	}
	if fn, ok = sc.coerce(init, t); !ok {
		sc.initMismatch(d.Pos, t, init)
	}
	return fn, ok
}

// redeclare applies a second declaration of global g without "redef", as
// Bro 2.6 does: a global that is &redef (or a declaration that gives only
// attributes) is declared again after a warning, with the same type;
// any other is already defined.
func (in *Interp) redeclare(d *ast.VarDecl, sc *scope, g *Global) {
	if !g.Redef && (d.Init != nil || len(d.Attrs) == 0) {
		in.alreadyDefined(d, sc, g)
		return
	}
	second := initLoc(d)
	if d.Init == nil && d.Type != nil {
		second = typeLoc(sc.resolveType(d.Type), d.Type.Pos)
	}
	in.warnIn(posLoc(g.Pos), second, "redefinition requires \"redef\" (%s)", g.Name)
	if d.Init == nil {
		in.alreadyDefined(d, sc, g)
		return
	}
	t := sc.resolveType(d.Type)
	before := in.nerrs
	init := in.initializer(sc, d.Init, g.Type)
	if init.t == nil {
		return
	}
	if t == nil {
		t = init.t
	}
	if !sameType(t, g.Type) {
		in.errorIn(posLoc(g.Pos), initLoc(d), "redefinition changes type (%s and %s)", g.Name, sc.describeInit(d.Init))
		return
	}
	// The same make_var as a first declaration's.
	fn, ok := sc.initValue(d, init, g.Type)
	if !ok {
		return
	}
	if fn == nil || in.nerrs > before {
		return
	}
	if v, ok := in.protect(func() value.Value { return fn(sc.frame()) }); ok {
		g.Value = v
	}
	if d.Kind == "const" {
		g.Const = true
	}
	if tab, ok := g.Value.R.(*value.Table); ok {
		sc.tableAttrs(d.Attrs, g.Type)(tab)
	}
}

// alreadyDefined reports a declaration of a name that exists: Bro names
// the identifier where it was first declared, and the new initializer.
func (in *Interp) alreadyDefined(d *ast.VarDecl, sc *scope, g *Global) {
	if d.Init == nil {
		in.errorIn(posLoc(g.Pos), "", "already defined (%s)", g.Name)
		return
	}
	in.errorIn(posLoc(g.Pos), initLoc(d), "already defined (%s and %s)", g.Name, sc.describeInit(d.Init))
}

// initLoc is where a declaration's initializer stands: its expression,
// or the first element of a brace list.
func initLoc(d *ast.VarDecl) string {
	switch {
	case d.Init == nil:
		return ""
	case len(d.Init.Elems) > 0:
		return posLoc(d.Init.Elems[0].Position())
	}
	return posLoc(d.Init.Pos)
}

// initializer compiles an initializer: an expression, or a brace list
// for a set or table.
func (in *Interp) initializer(sc *scope, init *ast.Init, t types.Type) compiled {
	if !init.Brace {
		return sc.expr(init.Elems[0])
	}
	return sc.braceInit(init, t)
}

// redefVar applies "redef x = e", "+=" and "-=".
func (in *Interp) redefVar(d *ast.VarDecl, sc *scope) {
	d = redefIndexed(d)
	g := in.lookup(d.Name, sc.module)
	if g == nil {
		in.errorAt(d.Pos, "\"redef\" used but not previously defined (%s)", fullName(sc.module, d.Name))
		return
	}
	if !g.Redef && (d.Init != nil || len(d.Attrs) == 0) {
		// Bro treats it as a second declaration.
		in.alreadyDefined(d, sc, g)
		return
	}
	if d.Init == nil {
		in.redefAttrs(d, sc, g)
		return
	}
	if d.Type != nil && !sameType(sc.resolveType(d.Type), g.Type) {
		in.errorIn(posLoc(g.Pos), initLoc(d), "redefinition changes type (%s and %s)", g.Name, sc.describeInit(d.Init))
		return
	}
	before := in.nerrs
	c := in.initializer(sc, d.Init, g.Type)
	if c.t == nil || c.fn == nil || in.nerrs > before {
		return
	}
	if d.Op == "=" && !d.Init.Brace {
		// A constructor of other types initializes as in a
		// declaration (Bro's make_var serves both).
		if fn, ok, handled := sc.initCtor(c, g.Type); handled {
			if ok && in.nerrs == before {
				if v, ok := in.protect(func() value.Value { return fn(sc.frame()) }); ok {
					g.Value = v
				}
			}
			return
		}
	}
	v, ok := in.protect(func() value.Value { return c.fn(sc.frame()) })
	if !ok {
		return
	}
	switch d.Op {
	case "=":
		if fn, ok := sc.coerce(compiled{fn: func(*Frame) value.Value { return v }, t: c.t, pos: c.pos, konst: true, src: c.src}, g.Type); ok {
			if fn != nil && in.nerrs == before {
				g.Value = fn(nil)
			}
		} else {
			sc.initMismatch(d.Pos, g.Type, c)
		}
	case "+=", "-=":
		in.redefExtend(d, g, v)
	}
}

// redefAttrs applies "redef x &attr ...;", which Bro allows whether x
// is &redef or not: the attributes join those of x, replacing any of
// the same kind, and act on its value. &redef makes x redefinable from
// then on; on a table, &default gives missing indices a value and the
// expiration attributes make its entries expire (or change how they
// do).
func (in *Interp) redefAttrs(d *ast.VarDecl, sc *scope, g *Global) {
	if d.Type != nil && !sameType(sc.resolveType(d.Type), g.Type) {
		in.errorIn(posLoc(g.Pos), "", "redefinition changes type (%s)", g.Name)
		return
	}
	for _, a := range d.Attrs {
		if a.Name == "&redef" {
			g.Redef = true
		}
	}
	def := sc.tableDefault(d.Attrs, g.Type)
	add := sc.expiryParts(d.Attrs, g.Type, true)
	tab, ok := g.Value.R.(*value.Table)
	if !ok {
		return
	}
	def(tab)
	if add == nil {
		return
	}
	if x := mergeExpiry(g.expiry, add); x != nil {
		in.setExpiry(g, tab, x)
	}
}

// typeDecl applies "type X: T;". Records and enums take the name.
func (in *Interp) typeDecl(d *ast.TypeDecl, module string) {
	name := fullName(module, d.Name)
	if in.globals[name] != nil {
		in.errorAt(d.Pos, "already defined (%s)", name)
		return
	}
	sc := newScope(in, module, nil)
	var t types.Type
	switch {
	case d.Type.Record != nil:
		// Named before its fields resolve, so that fields may refer to it.
		rt := types.NewRecord(name, nil)
		in.globals[name] = &Global{Name: name, Type: rt, IsType: true, Pos: d.Pos, Exported: in.exporting, Deprecated: hasAttr(d.Attrs, "&deprecated")}
		logAll := hasAttr(d.Attrs, "&log")
		for _, f := range sc.fields(d.Type.Record.Fields) {
			// &log on the record logs every field.
			f.Log = f.Log || logAll
			rt.AddField(f)
		}
		return
	case d.Type.Enum != nil:
		e := types.NewEnum(name)
		in.globals[name] = &Global{Name: name, Type: e, IsType: true, Pos: d.Pos, Exported: in.exporting, Deprecated: hasAttr(d.Attrs, "&deprecated")}
		in.addEnumValues(e, d.Type.Enum.Values, module)
		return
	default:
		t = sc.resolveType(d.Type)
	}
	in.globals[name] = &Global{Name: name, Type: t, IsType: true, Pos: d.Pos, Exported: in.exporting, Deprecated: hasAttr(d.Attrs, "&deprecated")}
}

// addEnumValues adds names to an enum; each becomes a constant of the
// module in effect.
func (in *Interp) addEnumValues(e *types.EnumType, vals []*ast.EnumValue, module string) {
	for _, v := range vals {
		name := fullName(module, v.Name)
		var n int64
		explicit := false
		if c, ok := v.Value.(*ast.Const); ok {
			parsed, err := strconv.ParseInt(c.Text, 0, 64)
			if err == nil {
				n, explicit = parsed, true
			}
		}
		if !e.Add(name, n, explicit) || in.globals[name] != nil {
			in.errorAt(v.Pos, "already defined (%s)", name)
			continue
		}
		num, _ := e.Value(name)
		in.globals[name] = &Global{Name: name, Type: e, Const: true, EnumConst: true, Value: value.Enum(num), Pos: v.Pos, Exported: in.exporting, Deprecated: v.Deprecated}
	}
}

func (in *Interp) redefEnum(d *ast.RedefEnumDecl, module string) {
	g := in.lookup(d.Name, module)
	e, ok := typeOf(g).(*types.EnumType)
	if !ok {
		in.errorAt(d.Pos, "not an enum (%s)", d.Name)
		return
	}
	in.addEnumValues(e, d.Values, module)
}

func (in *Interp) redefRecord(d *ast.RedefRecordDecl, module string) {
	g := in.lookup(d.Name, module)
	rt, ok := typeOf(g).(*types.RecordType)
	if !ok {
		in.errorAt(d.Pos, "not a record type (%s)", d.Name)
		return
	}
	sc := newScope(in, module, nil)
	logAll := hasAttr(d.Attrs, "&log")
	fields := sc.fields(d.Fields)
	for _, f := range fields {
		if !f.Optional && !f.HasDefault {
			// Bro adds none of the fields then, and names the type
			// where it was declared.
			in.errorAt(g.Pos, "extension field must be &optional or have &default (%s)", g.Name)
			return
		}
	}
	for _, f := range fields {
		f.Log = f.Log || logAll
		rt.AddField(f)
	}
	in.extendRecords(rt)
}

// hasAttr reports whether attrs include the attribute called name.
func hasAttr(attrs []*ast.Attr, name string) bool {
	for _, a := range attrs {
		if a.Name == name {
			return true
		}
	}
	return false
}

// typeOf returns the type a type name stands for, or nil.
func typeOf(g *Global) types.Type {
	if g == nil || !g.IsType {
		return nil
	}
	return g.Type
}

// funcDecl applies a function, event or hook body.
func (in *Interp) funcDecl(d *ast.FuncDecl, module string) {
	sc := newScope(in, module, nil)
	ft := sc.funcType(d.Kind, d.Params)
	g := in.lookup(d.Name, module)
	if g == nil {
		name := fullName(module, d.Name)
		g = &Global{Name: name, Type: ft, Const: true, Pos: d.Pos, Exported: in.exporting}
		if ft.Flavor != types.FlavorFunction {
			g.Handler = &Handlers{}
			g.Value = eventValue(name, ft, g.Handler)
		}
		in.globals[name] = g
	}
	declared, ok := g.Type.(*types.FuncType)
	if !ok {
		in.errorAt(d.Pos, "incompatible types (%s)", g.Name)
		return
	}
	if g.Deprecated && declared.Flavor == types.FlavorEvent {
		// A handler of a deprecated event is a use of it.
		in.deprecatedUse(d, d.Pos, g.Name)
	}
	if hasAttr(d.Attrs, "&deprecated") {
		// Uses from here on warn, as Bro marks the identifier when
		// the definition begins.
		g.Deprecated = true
	}
	if signatureClash(declared, ft) {
		in.incompatibleSignature(g, declared, ft, d.Pos)
		return
	}
	// The declared parameter names are those the body sees.
	bsc := newScope(in, module, ft)
	run := bsc.body(d.Body.Stmts)
	if ft.Flavor == types.FlavorFunction {
		src := &funcSource{sc: bsc, params: ft.Params, body: d.Body}
		f := &Func{Name: g.Name, Type: declared, body: run, slots: bsc.slots, src: src}
		for i, p := range d.Params.Params {
			for _, a := range p.Attrs {
				if a.Name == "&default" && a.Value != nil {
					if f.defaults == nil {
						f.defaults = make([]exprFn, len(d.Params.Params))
					}
					f.defaults[i] = bsc.expr(a.Value).fn
				}
			}
		}
		// A default is evaluated at every call; a function with one
		// does not pass through.
		if bsc.returnSite != nil && f.defaults == nil && len(in.paramDefaults[declared]) == 0 && passThrough(d.Body.Stmts, ft) {
			bsc.returnSite.through = true
			f.through = bsc.throughCallOf(d.Body.Stmts[0].(*ast.ReturnStmt), ft)
		}
		g.Value = value.Value{R: f}
		return
	}
	var prio int64
	for _, a := range d.Attrs {
		if a.Name == "&priority" && a.Value != nil {
			c := sc.expr(a.Value)
			if c.t != nil && (c.t.Kind() == types.Int || c.t.Kind() == types.Count) {
				prio = c.fn(sc.frame()).AsInt()
			}
		}
	}
	if g.Handler == nil {
		g.Handler = &Handlers{}
	}
	g.Handler.add(body{priority: prio, run: run, slots: bsc.slots, src: &funcSource{sc: bsc, params: ft.Params, body: d.Body}})
}

// redefExtend applies "redef x += v" and "redef x -= v", as Bro 2.6
// does: += adds a table's or set's elements, appends a vector's, or
// makes a pattern also match v; -= removes elements from tables and sets.
func (in *Interp) redefExtend(d *ast.VarDecl, g *Global, v value.Value) {
	kind := g.Type.Kind()
	if d.Op == "-=" && kind != types.Table {
		in.errorAt(d.Pos, "-= initializer only applies to tables and sets (%s and %s)", g.Name, value.Render(v, g.Type))
		return
	}
	switch kind {
	case types.Table:
		tab, ok := g.Value.R.(*value.Table)
		src, ok2 := v.R.(*value.Table)
		if !ok || !ok2 {
			return
		}
		src.Each(func(e *value.Entry) bool {
			if d.Op == "+=" {
				tab.Insert(e.Key, e.Yield)
			} else {
				tab.Delete(e.Key)
			}
			return true
		})
	case types.Vector:
		vec, ok := g.Value.R.(*value.Vector)
		src, ok2 := v.R.(*value.Vector)
		if !ok || !ok2 {
			return
		}
		vec.Elems = append(vec.Elems, src.Elems...)
	case types.Pattern:
		old, _ := g.Value.R.(*value.Pattern)
		add, _ := v.R.(*value.Pattern)
		if add == nil {
			return
		}
		if old == nil {
			g.Value = v
			return
		}
		g.Value = value.Value{R: extendPattern(old, add)}
	default:
		in.errorAt(d.Pos, "+= initializer only applies to tables, sets, vectors and patterns (%s and %s)", g.Name, value.Render(v, g.Type))
	}
}

// extendPattern returns the pattern "redef p += /x/" leaves in p: Bro
// builds a matcher from the added pattern's text and then adds the old
// one's as an alternative, so the old alternative comes second.
func extendPattern(old, add *value.Pattern) *value.Pattern {
	return &value.Pattern{Raw: true, Text: "(^?(" + add.MatcherText() + ")$?)|(^?(" + old.MatcherText() + ")$?)"}
}

// initMismatch reports a global's initializer whose value does not fit
// the declared type t, as Bro's check of an initial value does: the
// message names the type first, then the value (Bro evaluates the
// initializer before it checks the value).
func (sc *scope) initMismatch(pos ast.Pos, t types.Type, init compiled) {
	v, ok := sc.in.protect(func() value.Value { return init.fn(sc.frame()) })
	if !ok {
		return
	}
	sc.promotionError(pos, t, init.t, value.Render(v, init.t))
}

// promotionError reports a value or expression (described by what) of
// type from where type t is wanted, with the messages of Bro's
// promotion checks. A basic type's location is its name, and comes
// first: "error in count and F, line 3: arithmetic mixed with
// non-arithmetic (count and a)".
func (sc *scope) promotionError(pos ast.Pos, t, from types.Type, what string) {
	msg := "type clash"
	switch {
	case isArith(t) && isArith(from):
		msg = "over-promotion of arithmetic value"
	case isArith(t) || isArith(from):
		msg = "arithmetic mixed with non-arithmetic"
	}
	if b, ok := t.(*types.Basic); ok {
		sc.in.nerrs++
		fmt.Fprintf(sc.in.errOut, "error in %s and %s, line %d: %s (%s and %s)\n", b, pos.Filename, pos.Line, msg, b, what)
		return
	}
	sc.in.errorAt(pos, "%s (%s and %s)", msg, t, what)
}

// globalAttrs returns a global's attributes: those of its declaration and,
// as Bro adds them to the identifier, those of a table() or set()
// constructor that initializes it.
func globalAttrs(d *ast.VarDecl) []*ast.Attr {
	if d.Init == nil || d.Init.Brace || len(d.Init.Elems) != 1 {
		return d.Attrs
	}
	if c, ok := d.Init.Elems[0].(*ast.Constructor); ok && len(c.Attrs) > 0 {
		return append(append([]*ast.Attr(nil), d.Attrs...), c.Attrs...)
	}
	return d.Attrs
}

// describeInit renders an initializer as messages show it: an
// expression, or a brace list as its items.
func (sc *scope) describeInit(init *ast.Init) string {
	if !init.Brace && len(init.Elems) == 1 {
		return sc.describe(init.Elems[0])
	}
	return sc.describeIndexList(init.Elems)
}
