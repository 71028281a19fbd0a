// Package types is Bro 2.6's type system: the basic types, records, enums,
// tables and sets, vectors, functions, events and hooks, files and opaque
// types; type identity and the promotions Bro allows; and type names as Bro
// writes them in messages.
package types

import (
	"strings"
)

// Kind tells what sort of type a Type is.
type Kind uint8

// The kinds of type.
const (
	Void Kind = iota
	Bool
	Int
	Count
	Counter
	Double
	Time
	Interval
	String
	Pattern
	Enum
	Timer
	Port
	Addr
	Subnet
	Any
	Table
	Union
	Record
	List
	Func
	Opaque
	Vector
	File
	Error
	// KindType is the type of a type used as a value, as in
	// Log::create_stream(id, [$columns=Info]).
	KindType
)

var kindNames = [...]string{
	Void: "void", Bool: "bool", Int: "int", Count: "count", Counter: "counter",
	Double: "double", Time: "time", Interval: "interval", String: "string",
	Pattern: "pattern", Enum: "enum", Timer: "timer", Port: "port", Addr: "addr",
	Subnet: "subnet", Any: "any", Table: "table", Union: "union",
	Record: "record", List: "list", Func: "func", Opaque: "opaque",
	Vector: "vector", File: "file", Error: "error", KindType: "type",
}

// String returns the kind's name as Bro writes it.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "?"
}

// Type is a Bro type.
type Type interface {
	// Kind returns what sort of type this is.
	Kind() Kind
	// String returns the type as Bro writes it in messages.
	String() string
}

// Basic is a type with no parts: bool, count, string, addr, ...
type Basic struct{ kind Kind }

// Kind returns the basic type's kind.
func (b *Basic) Kind() Kind { return b.kind }

// String returns the type's name.
func (b *Basic) String() string { return b.kind.String() }

// The basic types, one value each so that they compare with ==.
var (
	VoidType     = &Basic{Void}
	BoolType     = &Basic{Bool}
	IntType      = &Basic{Int}
	CountType    = &Basic{Count}
	CounterType  = &Basic{Counter}
	DoubleType   = &Basic{Double}
	TimeType     = &Basic{Time}
	IntervalType = &Basic{Interval}
	StringType   = &Basic{String}
	PatternType  = &Basic{Pattern}
	TimerType    = &Basic{Timer}
	PortType     = &Basic{Port}
	AddrType     = &Basic{Addr}
	SubnetType   = &Basic{Subnet}
	AnyType      = &Basic{Any}
	ErrorType    = &Basic{Error}
)

// BasicByName maps the names of the basic types to them.
var BasicByName = map[string]*Basic{
	"bool": BoolType, "int": IntType, "count": CountType,
	"counter": CounterType, "double": DoubleType, "time": TimeType,
	"interval": IntervalType, "string": StringType, "pattern": PatternType,
	"timer": TimerType, "port": PortType, "addr": AddrType,
	"subnet": SubnetType, "any": AnyType,
}

// TableType is table[K, ...] of V, or set[K, ...] when Yield is nil.
type TableType struct {
	Index []Type
	Yield Type // nil for a set
}

// Kind returns Table.
func (t *TableType) Kind() Kind { return Table }

// IsSet reports whether the table is a set.
func (t *TableType) IsSet() bool { return t.Yield == nil }

// String writes "table[count,string] of addr" or "set[port]".
func (t *TableType) String() string { return t.Spell(Type.String) }

// Spell writes the table type as String does, with its index and yield
// types written by part.
func (t *TableType) Spell(part func(Type) string) string {
	var b strings.Builder
	if t.IsSet() {
		b.WriteString("set[")
	} else {
		b.WriteString("table[")
	}
	for i, ix := range t.Index {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(part(ix))
	}
	b.WriteByte(']')
	if !t.IsSet() {
		b.WriteString(" of ")
		b.WriteString(part(t.Yield))
	}
	return b.String()
}

// VectorType is vector of T.
type VectorType struct{ Elem Type }

// Kind returns Vector.
func (t *VectorType) Kind() Kind { return Vector }

// String writes "vector of T".
func (t *VectorType) String() string { return "vector of " + t.Elem.String() }

// FileType is file of T (T is string for the files scripts open).
type FileType struct{ Elem Type }

// Kind returns File.
func (t *FileType) Kind() Kind { return File }

// String writes "file of T".
func (t *FileType) String() string { return "file of " + t.Elem.String() }

// OpaqueType is opaque of NAME.
type OpaqueType struct{ Name string }

// Kind returns Opaque.
func (t *OpaqueType) Kind() Kind { return Opaque }

// String writes "opaque of NAME".
func (t *OpaqueType) String() string { return "opaque of " + t.Name }

// ListType is the type of an index list, [count, string].
type ListType struct{ Types []Type }

// Kind returns List.
func (t *ListType) Kind() Kind { return List }

// String writes the element types between brackets.
func (t *ListType) String() string {
	parts := make([]string, len(t.Types))
	for i, e := range t.Types {
		parts[i] = e.String()
	}
	return "list of " + strings.Join(parts, ",")
}

// Flavor tells functions, events and hooks apart.
type Flavor uint8

// Function flavors.
const (
	FlavorFunction Flavor = iota
	FlavorEvent
	FlavorHook
)

func (f Flavor) String() string {
	switch f {
	case FlavorEvent:
		return "event"
	case FlavorHook:
		return "hook"
	}
	return "function"
}

// Param is one parameter of a function type.
type Param struct {
	Name    string
	Type    Type
	Default bool // has a &default
	// TypeLoc is where the parameter's type was written, as messages
	// name places ("FILE, line N"); "" if unknown.
	TypeLoc string
	// DefaultText is the &default expression as messages show it: Bro
	// adds it to a call's arguments before it checks them.
	DefaultText string
}

// FuncType is a function, event or hook type.
type FuncType struct {
	Flavor Flavor
	Params []Param
	Result Type // nil for none; bool for hooks
	// ArgsLoc is where the parameters were declared, as messages name
	// places: Bro locates the record type that holds them at the last
	// parameter (at the function's name when there is none).
	ArgsLoc string
}

// Kind returns Func.
func (t *FuncType) Kind() Kind { return Func }

// String writes "function(a:count; b:string;) : bool", "event(c:count;)".
func (t *FuncType) String() string {
	var b strings.Builder
	b.WriteString(t.Flavor.String())
	b.WriteByte('(')
	for _, p := range t.Params {
		b.WriteString(p.Name)
		b.WriteByte(':')
		b.WriteString(p.Type.String())
		b.WriteString("; ")
	}
	s := strings.TrimSuffix(b.String(), " ") + ")"
	if t.Flavor == FlavorFunction && t.Result != nil && t.Result != VoidType {
		s += " : " + t.Result.String()
	}
	return s
}

// Named gives a type declared with "type X: ..." its name, so that
// messages and type_name() can use it.
type Named interface {
	Type
	// Name returns the declared name, "" if none.
	Name() string
}

// Field is one field of a record type.
type Field struct {
	Name     string
	Type     Type
	Optional bool // &optional
	Log      bool // &log
	// HasDefault tells that the field has a &default; the interpreter
	// keeps the default's expression.
	HasDefault bool
	// Deprecated marks a field declared &deprecated: each use of it
	// draws a warning.
	Deprecated bool
}

// RecordType is record { fields }. Records are extended in place by
// "redef record X += { ... }", so a RecordType is always used by pointer.
type RecordType struct {
	name   string
	Fields []*Field
	index  map[string]int
}

// NewRecord returns a record type with the given name ("" if anonymous)
// and fields.
func NewRecord(name string, fields []*Field) *RecordType {
	r := &RecordType{name: name, index: map[string]int{}}
	for _, f := range fields {
		r.AddField(f)
	}
	return r
}

// Kind returns Record.
func (r *RecordType) Kind() Kind { return Record }

// Name returns the declared name, "" for an anonymous record.
func (r *RecordType) Name() string { return r.name }

// AddField appends a field, as "redef record" does.
func (r *RecordType) AddField(f *Field) {
	r.index[f.Name] = len(r.Fields)
	r.Fields = append(r.Fields, f)
}

// FieldIndex returns the position of the named field, or -1.
func (r *RecordType) FieldIndex(name string) int {
	if i, ok := r.index[name]; ok {
		return i
	}
	return -1
}

// String writes the name of a named record, else "record { a:count; }".
func (r *RecordType) String() string {
	if r.name != "" {
		return r.name
	}
	var b strings.Builder
	b.WriteString("record { ")
	for _, f := range r.Fields {
		b.WriteString(f.Name)
		b.WriteByte(':')
		b.WriteString(f.Type.String())
		b.WriteString("; ")
	}
	b.WriteByte('}')
	return b.String()
}

// EnumType is an enum; "redef enum X += { ... }" extends it in place.
type EnumType struct {
	name   string
	Names  []string // full names (with module) in order of declaration
	values []int64
	index  map[string]int
	next   int64
}

// NewEnum returns an empty enum type called name.
func NewEnum(name string) *EnumType {
	return &EnumType{name: name, index: map[string]int{}}
}

// Kind returns Enum.
func (e *EnumType) Kind() Kind { return Enum }

// Name returns the declared name.
func (e *EnumType) Name() string { return e.name }

// String returns the name, or "enum" for an anonymous enum.
func (e *EnumType) String() string {
	if e.name == "" {
		return "enum"
	}
	return e.name
}

// Add adds a name with the next value, or with value if explicit is true.
// It returns false if the name exists already.
func (e *EnumType) Add(name string, value int64, explicit bool) bool {
	if _, dup := e.index[name]; dup {
		return false
	}
	if !explicit {
		value = e.next
	}
	e.index[name] = len(e.Names)
	e.Names = append(e.Names, name)
	e.values = append(e.values, value)
	e.next = value + 1
	return true
}

// Value returns the value of a name and whether it exists.
func (e *EnumType) Value(name string) (int64, bool) {
	i, ok := e.index[name]
	if !ok {
		return 0, false
	}
	return e.values[i], true
}

// NameOf returns the name with the given value, or "".
func (e *EnumType) NameOf(value int64) string {
	for i, v := range e.values {
		if v == value {
			return e.Names[i]
		}
	}
	return ""
}

// TypeType is the type of a type name used as a value; the value holds
// the same *TypeType, so that its Of is the type named.
type TypeType struct{ Of Type }

// Kind returns KindType.
func (t *TypeType) Kind() Kind { return KindType }

// String writes "type".
func (t *TypeType) String() string { return "type" }

// InternalKind is how Bro 2.6 keeps a value of a type (its InternalTypeTag):
// types of one internal kind share a representation, which Bro's table
// hash and its comparisons go by.
type InternalKind uint8

// Bro's internal kinds.
const (
	InternalOther    InternalKind = iota // containers, records, functions, patterns, ...
	InternalInt                          // bool, int, enum
	InternalUnsigned                     // count, counter, port
	InternalDouble                       // double, time, interval
	InternalString
	InternalAddr
	InternalSubnet
)

// Internal returns the internal kind of t; InternalOther for nil.
func Internal(t Type) InternalKind {
	if t == nil {
		return InternalOther
	}
	switch t.Kind() {
	case Bool, Int, Enum:
		return InternalInt
	case Count, Counter, Port:
		return InternalUnsigned
	case Double, Time, Interval:
		return InternalDouble
	case String:
		return InternalString
	case Addr:
		return InternalAddr
	case Subnet:
		return InternalSubnet
	}
	return InternalOther
}
