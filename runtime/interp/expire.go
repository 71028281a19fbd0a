package interp

import (
	"weak"

	"gobro/lang/ast"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

// Table expiration, as Bro 2.6's TableVal does it. A table value with
// &read_expire, &write_expire or &create_expire stamps each entry with
// the network time of its last access that counts (its creation for
// &create_expire, any assignment for &write_expire, assignments and
// lookups for &read_expire), in whole seconds. A timer walks the table:
// first at the next round of the main loop, then every
// table_expire_interval, in steps of table_incremental_step entries
// table_expire_delay apart. An entry whose stamp plus the expiration
// interval lies before the current time is removed, unless &expire_func,
// called with the table and the index, returns a positive interval: the
// entry then lives that much longer. The interval and the function are
// expressions evaluated at each walk; a negative interval switches
// expiration off for good. Entries made before the network time is set
// (in global initializers) have no stamp and never expire on time alone,
// and timers left at shutdown do nothing.

// expiryAttrs are the expiration attributes of one table, checked.
type expiryAttrs struct {
	interval   exprFn // the expiration interval
	iframe     func() *Frame
	fn         exprFn // &expire_func, nil if none
	fframe     func() *Frame
	onRead     bool
	keepCreate bool
	// idxAny is set when the function takes its index as "any";
	// multi when the table has several indices (the function then
	// receives them as one list).
	idxAny bool
	multi  bool
	index  []types.Type
	// kind is which attribute gave the interval: 1 for &read_expire,
	// 2 for &write_expire, 3 for &create_expire (Bro's precedence);
	// 0 when there is none (only an &expire_func).
	kind int
}

// tableAttrs compiles the attributes of a table value that act on the
// value: &default and expiration. It returns what installs them on a
// new table (nothing for other types).
func (sc *scope) tableAttrs(attrs []*ast.Attr, t types.Type) func(*value.Table) {
	def := sc.tableDefault(attrs, t)
	ex := sc.tableExpiry(attrs, t)
	if ex == nil {
		return def
	}
	in := sc.in
	return func(tab *value.Table) {
		def(tab)
		in.startExpiry(tab, ex)
	}
}

// tableExpiry checks the expiration attributes among attrs for a value
// of type t, with Bro 2.6's messages, and compiles them; nil if there
// are none (or they are in error).
func (sc *scope) tableExpiry(attrs []*ast.Attr, t types.Type) *expiryAttrs {
	return sc.checkTableExpiry(attrs, t, true)
}

// checkTableExpiry is tableExpiry; Bro checks the type of the interval
// only when it makes a table with the attributes, so the caller tells
// whether one will be made (checkInterval): without it a wrong interval
// goes unreported.
func (sc *scope) checkTableExpiry(attrs []*ast.Attr, t types.Type, checkInterval bool) *expiryAttrs {
	x := sc.expiryParts(attrs, t, checkInterval)
	if x == nil || x.interval == nil {
		return nil
	}
	return x
}

// expiryParts checks and compiles the expiration attributes among attrs
// as checkTableExpiry does, but also returns what there is when there is
// no interval (an &expire_func alone, kind 0), for merging into the
// attributes a table already has; nil if there is nothing.
func (sc *scope) expiryParts(attrs []*ast.Attr, t types.Type, checkInterval bool) *expiryAttrs {
	if t == nil || t.Kind() == types.Error {
		return nil
	}
	tt, isTable := t.(*types.TableType)
	var read, write, create, fn *ast.Attr
	for ai, a := range attrs {
		switch a.Name {
		case "&read_expire", "&write_expire", "&create_expire", "&expire_func":
		default:
			continue
		}
		if !isTable {
			sc.in.errorAt(a.Pos, "expiration only applicable to tables (%s)", sc.describeAttrs(attrs[:ai+1]))
			continue
		}
		switch a.Name {
		case "&read_expire":
			read = a
		case "&write_expire":
			write = a
		case "&create_expire":
			create = a
		case "&expire_func":
			if sc.checkExpireFunc(a, tt, sc.describeAttrs(attrs[:ai+1])) {
				fn = a
			}
		}
	}
	// Bro takes the interval of &read_expire, then of &write_expire,
	// then of &create_expire, the last one found winning.
	var which *ast.Attr
	kind := 0
	for k, a := range []*ast.Attr{read, write, create} {
		if a != nil && a.Value != nil {
			which, kind = a, k+1
		}
	}
	if which == nil && fn == nil {
		return nil
	}
	x := &expiryAttrs{onRead: read != nil, keepCreate: create != nil, index: tt.Index, multi: len(tt.Index) != 1, kind: kind}
	if fn != nil {
		fsc := newScope(sc.in, sc.module, nil)
		f := fsc.expr(fn.Value)
		x.fn, x.fframe = f.fn, fsc.framer()
		ft := f.t.(*types.FuncType)
		x.idxAny = ft.Params[1].Type.Kind() == types.Any
	}
	if which == nil {
		return x
	}
	isc := newScope(sc.in, sc.module, nil)
	iv := isc.expr(which.Value)
	if iv.t == nil {
		return nil
	}
	if iv.t.Kind() != types.Interval {
		if !checkInterval {
			return nil
		}
		sc.in.errorAt(which.Value.Position(), "expiration interval has wrong type (%s)", sc.describe(which.Value))
		return nil
	}
	x.interval, x.iframe = iv.fn, isc.framer()
	return x
}

// mergeExpiry combines the expiration attributes a table has (old, nil
// if none) with those a "redef x &attr" adds (add), as Bro's attribute
// list does: an attribute replaces one of its kind, the interval comes
// from &create_expire, else &write_expire, else &read_expire, and the
// read and create behaviours hold while their attributes are present.
// The result is nil if it has no interval.
func mergeExpiry(old, add *expiryAttrs) *expiryAttrs {
	if old == nil {
		if add == nil || add.interval == nil {
			return nil
		}
		return add
	}
	m := *old
	m.onRead = old.onRead || add.onRead
	m.keepCreate = old.keepCreate || add.keepCreate
	if add.interval != nil && add.kind >= old.kind {
		m.interval, m.iframe, m.kind = add.interval, add.iframe, add.kind
	}
	if add.fn != nil {
		m.fn, m.fframe, m.idxAny = add.fn, add.fframe, add.idxAny
	}
	if m.interval == nil {
		return nil
	}
	return &m
}

// checkExpireFunc checks an &expire_func as Bro 2.6 does: a function
// yielding an interval, of exactly two arguments (the table, and the
// index: of the index type, or "any", which is how a table with several
// indices passes them). Bro 2.6 aborts on a value that is not a function
// and misbehaves on an index argument of another type; gobro reports
// both.
func (sc *scope) checkExpireFunc(a *ast.Attr, tt *types.TableType, attrDesc string) bool {
	if a.Value == nil {
		return false
	}
	fsc := newScope(sc.in, sc.module, nil)
	f := fsc.expr(a.Value)
	if f.t == nil {
		return false
	}
	ft, ok := f.t.(*types.FuncType)
	if !ok || ft.Flavor == types.FlavorEvent {
		sc.in.errorAt(a.Pos, "&expire_func attribute is not a function (%s)", attrDesc)
		return false
	}
	if ft.Result == nil || ft.Result.Kind() != types.Interval {
		sc.in.errorAt(a.Pos, "&expire_func must yield a value of type interval (%s)", attrDesc)
		return false
	}
	if len(ft.Params) != 2 {
		sc.in.errorAt(a.Pos, "&expire_func function must take exactly two arguments (%s)", attrDesc)
		return false
	}
	idx := ft.Params[1].Type
	if idx == nil || idx.Kind() == types.Any {
		return true
	}
	if len(tt.Index) != 1 || !sameType(idx, tt.Index[0]) {
		sc.in.errorAt(a.Pos, "&expire_func argument type clash (%s)", attrDesc)
		return false
	}
	return true
}

// expirer walks one table for expired entries. It holds the table
// weakly: a table nothing else refers to any more is collected, and its
// timer then stops.
type expirer struct {
	in  *Interp
	tab weak.Pointer[value.Table]
	x   *expiryAttrs
}

// startExpiry makes tab expire its entries. As in Bro, the first walk
// is due at once (at the first round of the main loop).
// It returns the walker (nil if tab expires already, by the attributes
// it was made with).
func (in *Interp) startExpiry(tab *value.Table, x *expiryAttrs) *expirer {
	if tab.Expiry() != nil {
		return nil
	}
	tab.SetExpiry(&value.Expiry{
		Clock:      func() float64 { return in.ev.netTime },
		OnRead:     x.onRead,
		KeepCreate: x.keepCreate,
	})
	e := &expirer{in: in, tab: weak.Make(tab), x: x}
	in.ev.timers.add(&timer{at: 1, fire: e.fire})
	return e
}

// setExpiry makes a global's table expire by x (as merged by
// mergeExpiry): the walk already under way for it, if any, goes on by
// the new attributes.
func (in *Interp) setExpiry(g *Global, tab *value.Table, x *expiryAttrs) {
	g.expiry = x
	if e := g.expirer; e != nil && e.tab.Value() == tab {
		e.x = x
		tab.Expiry().OnRead, tab.Expiry().KeepCreate = x.onRead, x.keepCreate
		return
	}
	if tab.Expiry() != nil {
		return
	}
	g.expirer = in.startExpiry(tab, x)
}

// numGlobal reads a numeric global (count or interval), or def where it
// is not declared.
func (in *Interp) numGlobal(name string, def float64, isCount bool) float64 {
	g := in.globals[name]
	if g == nil {
		return def
	}
	if isCount {
		return float64(g.Value.AsCount())
	}
	return g.Value.AsDouble()
}

// fire is one step of a walk, at network time now.
func (e *expirer) fire(now float64, expiring bool) {
	if expiring {
		return
	}
	in := e.in
	tab := e.tab.Value()
	if tab == nil {
		return
	}
	iv, ok := in.protect(func() value.Value {
		return e.x.interval(e.x.iframe())
	})
	timeout := iv.AsDouble()
	if !ok || timeout < 0 {
		// An unset or negative interval ends expiration.
		return
	}
	// The walk is robust (see value.Walk): entries added or removed
	// between its steps, by scripts or by &expire_func, are seen as
	// Bro's expiration walk sees them, and the table does not grow
	// while it is under way.
	x := tab.Expiry()
	if x.Walk == nil {
		x.Walk = tab.StartWalk()
	}
	step := int(in.numGlobal("table_incremental_step", 5000, true))
	done := false
	for n := 0; n < step; n++ {
		ent := tab.Next(x.Walk)
		if ent == nil {
			done = true
			break
		}
		at := ent.AccessTime()
		if at == 0 || at+timeout >= now {
			continue
		}
		key := append([]value.Value(nil), ent.Key...)
		if e.x.fn != nil {
			secs := e.callExpireFunc(tab, key)
			ent = tab.Find(key)
			if ent == nil {
				continue // the function deleted it
			}
			if secs > 0 {
				ent.SetAccessTime(in.ev.netTime - timeout + secs)
				continue
			}
		}
		tab.Delete(key)
	}
	next := in.numGlobal("table_expire_delay", 0.01, false)
	if done {
		x.Walk = nil
		next = in.numGlobal("table_expire_interval", 10, false)
	}
	in.ev.timers.add(&timer{at: in.ev.netTime + next, fire: e.fire})
}

// callExpireFunc calls the table's &expire_func for the entry at key and
// returns the interval it yields (0 if it fails or yields nothing).
func (e *expirer) callExpireFunc(tab *value.Table, key []value.Value) float64 {
	in := e.in
	fv, ok := in.protect(func() value.Value {
		return e.x.fn(e.x.fframe())
	})
	if !ok {
		return 0
	}
	var idx value.Value
	switch {
	case e.x.multi:
		l := &value.List{Elems: key}
		idx = value.Value{R: &value.Any{Type: &types.ListType{Types: e.x.index}, Value: value.Value{R: l}}}
	case e.x.idxAny:
		idx = value.Value{R: &value.Any{Type: e.x.index[0], Value: key[0]}}
	default:
		idx = key[0]
	}
	return in.CallFunc(fv, value.Value{R: tab}, idx).AsDouble()
}
