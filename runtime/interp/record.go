package interp

import (
	"fmt"
	"strings"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Records: constructors ([$a=1], record($a=1), R($a=1)), coercion of a
// constructor's anonymous record type to a declared record type, field
// defaults, deletion of fields, and records that outlive a "redef
// record" extension of their type.

// fieldDefault is a record field's &default, compiled in a scope of its
// own: it is evaluated whenever a record of the type is made.
type fieldDefault struct {
	fn    exprFn
	frame func() *Frame
}

// defaultOf returns the &default value of a field and whether it has one.
func (in *Interp) defaultOf(f *types.Field) (value.Value, bool) {
	d, ok := in.fieldDefaults[f]
	if !ok || d.fn == nil {
		return value.Value{}, false
	}
	return d.fn(d.frame()), true
}

// compileFieldDefault checks and keeps a field's &default expression;
// attrs are the field's attributes up to and including it.
func (sc *scope) compileFieldDefault(f *types.Field, a *ast.Attr, attrs []*ast.Attr) {
	if a.Value == nil {
		return
	}
	dsc := newScope(sc.in, sc.module, nil)
	c := dsc.expr(a.Value)
	if c.t == nil {
		return
	}
	fn, ok := dsc.coerce(c, f.Type)
	if !ok && f.Type.Kind() == types.Table {
		// For a field of table type, Bro's message shows the
		// field's attributes rather than the two types.
		sc.in.errorAt(a.Pos, "&default value has inconsistent type (%s)", sc.describeAttrs(attrs))
		return
	}
	if !ok {
		sc.in.errorAt(a.Pos, "&default value has inconsistent type (%s and %s)", dsc.describe(a.Value), f.Type)
		return
	}
	if sc.in.fieldDefaults == nil {
		sc.in.fieldDefaults = map[*types.Field]fieldDefault{}
	}
	sc.in.fieldDefaults[f] = fieldDefault{fn: fn, frame: dsc.framer()}
}

// compileFieldExpiry checks the expiration attributes of a record
// field and keeps them for a field of table type. As Bro's RecordVal
// does, a record gives such a field (unless it is &optional or has a
// &default) an empty table made with the field's attributes, so the
// table expires its entries as a global declared with them would.
func (sc *scope) compileFieldExpiry(f *types.Field, attrs []*ast.Attr) {
	// A field that never gets such a table (being &optional or having
	// a &default) has the checks of its attributes, but not that of the
	// interval's type, which Bro makes when it makes the table.
	x := sc.checkTableExpiry(attrs, f.Type, !f.Optional && !f.HasDefault)
	if x == nil || f.Optional || f.HasDefault {
		return
	}
	if sc.in.fieldExpiry == nil {
		sc.in.fieldExpiry = map[*types.Field]*expiryAttrs{}
	}
	sc.in.fieldExpiry[f] = x
}

// newRecord returns a record of type rt with every field unset or at its
// default. Records made while scripts are still loading are remembered,
// so that a later "redef record" can extend them.
func (in *Interp) newRecord(rt *types.RecordType) *value.Record {
	return in.newRecordDepth(rt, 0)
}

// newRecordDepth is newRecord for a record nested depth levels deep in
// the one being made. As Bro's RecordVal does, a field that is neither
// &optional nor &default starts as an empty record, table or vector
// when it has such a type; a record type that contains itself stops
// that after a few levels.
func (in *Interp) newRecordDepth(rt *types.RecordType, depth int) *value.Record {
	r := &value.Record{Type: rt, Fields: make([]value.Value, len(rt.Fields))}
	for i, f := range rt.Fields {
		r.Fields[i] = value.Unset
		if f.HasDefault {
			if v, ok := in.defaultOf(f); ok {
				r.Fields[i] = v
			}
			continue
		}
		if f.Optional {
			continue
		}
		switch ft := f.Type.(type) {
		case *types.RecordType:
			if depth < 16 {
				r.Fields[i] = value.Value{R: in.newRecordDepth(ft, depth+1)}
			}
		case *types.TableType:
			r.Fields[i] = zero(ft)
			if x := in.fieldExpiry[f]; x != nil {
				in.startExpiry(r.Fields[i].R.(*value.Table), x)
			}
		case *types.VectorType:
			r.Fields[i] = zero(ft)
		}
	}
	if !in.running {
		in.loadTimeRecords = append(in.loadTimeRecords, r)
	}
	return r
}

// extendRecords gives the records made so far of type rt the fields a
// "redef record" just added, unset: Bro 2.6 resizes the records made
// while parsing with empty slots (RecordVal::ResizeParseTimeRecords), so
// "?$" finds them missing while a read still yields the &default.
func (in *Interp) extendRecords(rt *types.RecordType) {
	for _, r := range in.loadTimeRecords {
		if r.Type != rt {
			continue
		}
		for i := len(r.Fields); i < len(rt.Fields); i++ {
			r.Fields = append(r.Fields, value.Unset)
		}
	}
}

// fieldValue reads field i of r; a record made before its type grew
// has no slot for the new field, which reads as unset.
func fieldValue(r *value.Record, i int) value.Value {
	if i >= len(r.Fields) {
		return value.Unset
	}
	return r.Fields[i]
}

// setField writes field i of r, growing a record made before its type
// grew.
func setField(r *value.Record, i int, v value.Value) {
	for len(r.Fields) <= i {
		r.Fields = append(r.Fields, value.Unset)
	}
	r.Fields[i] = v
}

// isRecordCtor reports whether a bracket list is a record constructor:
// every element is "$name = e".
func isRecordCtor(l *ast.ListExpr) bool {
	if len(l.Elems) == 0 {
		// Bro's grammar reads "[]" as an empty record constructor.
		return true
	}
	for _, e := range l.Elems {
		if _, ok := e.(*ast.FieldAssign); !ok {
			return false
		}
	}
	return true
}

// bracketsRecordCtor tells whether Bro's grammar reads the bracket list l,
// which is not all "$f = e", as a record constructor all the same: its
// first element is "$f = e" or a record.
func (sc *scope) bracketsRecordCtor(l *ast.ListExpr) bool {
	if len(l.Elems) == 0 {
		return false
	}
	if _, ok := l.Elems[0].(*ast.FieldAssign); ok {
		return true
	}
	c := sc.expr(l.Elems[0])
	return c.t != nil && c.t.Kind() == types.Record
}

// recordCtor compiles "[$a=1, $b=x]" or "record($a=1, ...)": a record of
// an anonymous type with one field per element, in order.
func (sc *scope) recordCtor(pos ast.Pos, elems []ast.Expr) compiled {
	var fields []*types.Field
	var fns []exprFn
	seen := map[string]bool{}
	savedSoft := sc.softFails
	mayFail := false
	fieldErrs := 0
	fail := listFailure(sc, elems)
	for _, e := range elems {
		fa, ok := e.(*ast.FieldAssign)
		if !ok {
			sc.softFails = savedSoft
			return sc.errorAt(e.Position(), "bad type in record constructor (%s)", sc.describe(e))
		}
		if seen[fa.Name] {
			sc.softFails = savedSoft
			return sc.errorAt(fa.Pos, "duplicate field in record constructor (%s)", fa.Name)
		}
		seen[fa.Name] = true
		// A name of the error type compiles, unreported, to nothing.
		sc.softFails = false
		errs := sc.in.nerrs
		c := sc.copied(sc.expr(fa.Value))
		switch {
		case c.t == nil:
			// A name of the error type, or a value whose check failed
			// (and was reported): Bro's field assignment takes the
			// error type of its value, and the constructor keeps it
			// as the field's type and carries on; the field yields
			// no value when evaluated.
			fieldErrs += sc.in.nerrs - errs
			fields = append(fields, &types.Field{Name: fa.Name, Type: types.ErrorType})
			fns = append(fns, func(*Frame) value.Value { fail(); return value.Value{} })
			mayFail = true
			continue
		case sc.softFails:
			fns = append(fns, guardField(sc.in, c.fn, fail))
			mayFail = true
		default:
			fns = append(fns, c.fn)
		}
		fieldErrs += c.fieldErrs
		fields = append(fields, &types.Field{Name: fa.Name, Type: c.t})
	}
	sc.softFails = savedSoft || mayFail
	rt := types.NewRecord("", fields)
	return compiled{t: rt, pos: pos, fieldErrs: fieldErrs, fn: func(fr *Frame) value.Value {
		r := &value.Record{Type: rt, Fields: make([]value.Value, len(fns))}
		for i, fn := range fns {
			r.Fields[i] = fn(fr)
		}
		return value.Value{R: r}
	}}
}

// listFailure returns what a record constructor does where a field
// yields no value: one of the error type, or one whose evaluation fails
// with a plain error. Bro evaluates the fields as a list, which reports
// "uninitialized list value" (after the field's own error), and the
// constructor yields nothing.
func listFailure(sc *scope, elems []ast.Expr) func() {
	if len(elems) == 0 {
		return func() {}
	}
	pos := elems[0].Position()
	desc := func() string {
		parts := make([]string, len(elems))
		for i, e := range elems {
			parts[i] = sc.describe(e)
		}
		return strings.Join(parts, ", ")
	}
	return func() { softFail(pos, desc, "uninitialized list value") }
}

// guardField returns the code of a field that may fail with a plain
// error: the error is reported, then the constructor fails.
func guardField(in *Interp, fn exprFn, fail func()) exprFn {
	return func(fr *Frame) (v value.Value) {
		defer func() {
			if r := recover(); r != nil {
				in.reportSoft(r)
				fail()
			}
		}()
		return fn(fr)
	}
}

// recordPromotable reports whether a record of type from can be coerced
// to type to: every field of from exists in to with the same type (or a
// record type that is itself promotable), and every field of to that
// from lacks is &optional or has a &default.
func recordPromotable(from, to *types.RecordType) bool {
	for _, f := range from.Fields {
		i := to.FieldIndex(f.Name)
		if i < 0 {
			return false
		}
		if !fieldTypeFits(f.Type, to.Fields[i].Type) {
			return false
		}
	}
	for _, f := range to.Fields {
		if from.FieldIndex(f.Name) < 0 && !f.Optional && !f.HasDefault {
			return false
		}
	}
	return true
}

// fieldTypeFits reports whether a constructor field of type from may
// fill a record field of type to. Bro 2.6 promotes nothing here, not
// even count to int; it only coerces nested records and fills empty
// table, set and vector constructors.
func fieldTypeFits(from, to types.Type) bool {
	// A field whose type could not be resolved was reported; a value of
	// the error type (a variable whose declaration failed) fits only
	// the error type, as in Bro's same_type.
	if to.Kind() == types.Error || sameType(from, to) {
		return true
	}
	if to.Kind() == types.Any {
		// Any value fills a field of type any ($columns=Info).
		return true
	}
	if fr, ok := from.(*types.RecordType); ok {
		if tr, ok := to.(*types.RecordType); ok {
			return fr.Name() == "" && recordPromotable(fr, tr)
		}
	}
	return isUnspecified(from) && from.Kind() == to.Kind()
}

// erroneous stands for the code of an expression whose errors were
// reported: the script does not run, but whatever evaluates it while the
// script is checked (a global's initializer, a &default) finds no value
// rather than nothing to call.
func erroneous(*Frame) value.Value { return value.Unset }

// coerceRecord compiles the coercion of a value of anonymous record type
// from (a constructor's) to the record type to, reporting what does not
// fit as Bro does. ok is false only when no coercion applies at all;
// after reporting a misfit it returns erroneous.
func (sc *scope) coerceRecord(c compiled, from, to *types.RecordType) (exprFn, bool) {
	desc := fmt.Sprintf("(coerce %s to %s)", sc.describeCompiled(c), to)
	mapping := make([]int, len(to.Fields)) // field of to -> field of from, or -1
	for i := range mapping {
		mapping[i] = -1
	}
	convs := make([]func(value.Value) value.Value, len(from.Fields))
	for i, f := range from.Fields {
		j := to.FieldIndex(f.Name)
		if j < 0 {
			sc.in.errorAt(c.pos, "orphaned field \"%s\" in record coercion (%s)", f.Name, desc)
			return erroneous, true
		}
		want := to.Fields[j].Type
		if !fieldTypeFits(f.Type, want) {
			sc.errorAtAnd(c.pos, f.Type, "type clash for field \"%s\" (%s and %s)", f.Name, desc, f.Type)
			return erroneous, true
		}
		convs[i] = sc.fieldConversion(f.Type, want)
		mapping[j] = i
	}
	for j, i := range mapping {
		if i >= 0 && to.Fields[j].Deprecated {
			type use struct {
				src   ast.Expr
				field int
			}
			sc.in.deprecatedUse(use{c.src, j}, c.pos, to.Name()+"$"+to.Fields[j].Name)
		}
	}
	for j, f := range to.Fields {
		if mapping[j] < 0 && !f.Optional && !f.HasDefault {
			sc.in.errorAt(c.pos, "non-optional field \"%s\" missing (%s)", f.Name, desc)
			return erroneous, true
		}
	}
	in := sc.in
	return func(fr *Frame) value.Value {
		v := c.fn(fr)
		src, ok := v.R.(*value.Record)
		if !ok {
			return v
		}
		return value.Value{R: in.convertRecord(src, to, mapping, convs)}
	}, true
}

// convertRecord builds a record of type to from src, field by field.
func (in *Interp) convertRecord(src *value.Record, to *types.RecordType, mapping []int, convs []func(value.Value) value.Value) *value.Record {
	r := in.newRecord(to)
	for j, i := range mapping {
		if i < 0 {
			continue
		}
		v := fieldValue(src, i)
		if v.IsUnset() {
			continue
		}
		if convs[i] != nil {
			v = convs[i](v)
		}
		r.Fields[j] = v
	}
	return r
}

// fieldConversion returns how a field value of type from becomes one of
// type to: nested anonymous records are coerced, empty constructors take
// the declared type; nil where the value stands as it is.
func (sc *scope) fieldConversion(from, to types.Type) func(value.Value) value.Value {
	if to.Kind() == types.Any && from.Kind() != types.Any {
		// A field of type any holds its value with its type.
		return func(v value.Value) value.Value { return value.Value{R: &value.Any{Type: from, Value: v}} }
	}
	if fr, ok := from.(*types.RecordType); ok {
		tr, ok := to.(*types.RecordType)
		if !ok || fr == tr || fr.Name() != "" {
			return nil
		}
		mapping := make([]int, len(tr.Fields))
		for j := range mapping {
			mapping[j] = fr.FieldIndex(tr.Fields[j].Name)
		}
		convs := make([]func(value.Value) value.Value, len(fr.Fields))
		for i, f := range fr.Fields {
			if j := tr.FieldIndex(f.Name); j >= 0 {
				convs[i] = sc.fieldConversion(f.Type, tr.Fields[j].Type)
			}
		}
		in := sc.in
		return func(v value.Value) value.Value {
			if src, ok := v.R.(*value.Record); ok {
				return value.Value{R: in.convertRecord(src, tr, mapping, convs)}
			}
			return v
		}
	}
	if isUnspecified(from) {
		return func(v value.Value) value.Value { return retype(v, to) }
	}
	return nil
}

// errorAtAnd reports an error whose second object is a type: a basic
// type has no place in a file, and Bro names it as the second location.
func (sc *scope) errorAtAnd(pos ast.Pos, second types.Type, format string, args ...any) {
	if b, ok := second.(*types.Basic); ok {
		sc.in.nerrs++
		fmt.Fprintf(sc.in.errOut, "error in %s, line %d and %s: %s\n", pos.Filename, pos.Line, b, fmt.Sprintf(format, args...))
		return
	}
	sc.in.errorAt(pos, format, args...)
}

// describeCompiled describes the expression a compiled value came from.
func (sc *scope) describeCompiled(c compiled) string {
	if c.src == nil {
		return "<expression>"
	}
	return sc.describe(c.src)
}

// namedCtor compiles "T(args)" where T names a type: a record type takes
// "$f=e" arguments; a table, set or vector type takes the arguments of
// the matching constructor.
func (sc *scope) namedCtor(c *ast.Call, g *Global) compiled {
	switch t := g.Type.(type) {
	case *types.RecordType:
		rc := sc.recordCtor(c.Pos, c.Args)
		if rc.t == nil {
			return bad
		}
		rc.src = &ast.ListExpr{Pos: c.Pos, Elems: c.Args}
		before := sc.in.nerrs
		fn, ok := sc.coerce(rc, t)
		if !ok {
			return sc.errorAt(c.Pos, "type clash in record constructor")
		}
		if fn == nil || sc.in.nerrs > before {
			// The coercion reported why it failed.
			return compiled{pos: c.Pos, badCoerce: sc.describeCompiled(rc)}
		}
		return compiled{t: t, pos: c.Pos, fn: fn}
	case *types.TableType:
		kind := "table"
		if t.IsSet() {
			kind = "set"
		}
		return sc.typedCtorWithType(&ast.Constructor{Pos: c.Pos, Kind: kind, Args: c.Args}, t)
	case *types.VectorType:
		return sc.typedCtorWithType(&ast.Constructor{Pos: c.Pos, Kind: "vector", Args: c.Args}, t)
	}
	return sc.errorAt(c.Pos, "constructor type not implemented (%s)", g.Type)
}

// deleteField compiles "delete r$f", which unsets a field that may be
// missing: one that is &optional or has a &default.
func (sc *scope) deleteField(s *ast.DeleteStmt, f *ast.FieldExpr) stmtFn {
	x := sc.expr(f.X)
	if x.t == nil {
		return nil
	}
	rt, ok := x.t.(*types.RecordType)
	if !ok {
		sc.in.errorAt(f.Pos, "not a record (%s)", sc.describe(f))
		return nil
	}
	i := rt.FieldIndex(f.Name)
	if i < 0 {
		sc.in.errorAt(f.Pos, "no such field in record (%s)", sc.describe(f))
		return nil
	}
	if fd := rt.Fields[i]; !fd.Optional && !fd.HasDefault {
		sc.in.errorAt(s.Pos, "illegal delete statement (delete %s)", sc.describe(f))
		return nil
	}
	pos, desc := f.Pos, sc.describer(f.X)
	return func(fr *Frame) flow {
		r := asRecord(x.fn(fr), pos, desc)
		if i < len(r.Fields) {
			r.Fields[i] = value.Unset
		}
		return flowNormal
	}
}
