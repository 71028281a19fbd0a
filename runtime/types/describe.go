package types

import "strings"

// Describe writes a type in Bro's full form, the one type_name() returns
// and a described function body shows for its coercions: basic types by
// name, every enum as "enum", records with all their fields even when
// they have a name ("record { a:count; b:string; }"),
// "table[count,string] of addr", "set[port]", "vector of T", "file of T",
// and functions with their result, void included
// ("function(a:int; b:int;) : bool", "event(c:count;)"). A record met
// again inside its own description, through a function's parameters
// too, is written "<recursion>", as Bro marks a type it is already
// describing.
func Describe(t Type) string {
	var b strings.Builder
	describe(&b, t, map[*RecordType]bool{})
	return b.String()
}

func describe(b *strings.Builder, t Type, seen map[*RecordType]bool) {
	switch t := t.(type) {
	case nil:
		b.WriteString("void")
	case *TableType:
		b.WriteString(t.Spell(func(part Type) string {
			var pb strings.Builder
			describe(&pb, part, seen)
			return pb.String()
		}))
	case *VectorType:
		b.WriteString("vector of ")
		describe(b, t.Elem, seen)
	case *RecordType:
		if seen[t] {
			b.WriteString("<recursion>")
			return
		}
		seen[t] = true
		b.WriteString("record { ")
		for i, f := range t.Fields {
			describeMember(b, i, f.Name, f.Type, seen)
		}
		b.WriteString(" }")
		delete(seen, t)
	case *EnumType:
		b.WriteString("enum")
	case *FuncType:
		b.WriteString(t.Flavor.String())
		b.WriteByte('(')
		for i, p := range t.Params {
			describeMember(b, i, p.Name, p.Type, seen)
		}
		b.WriteByte(')')
		if t.Flavor != FlavorEvent {
			b.WriteString(" : ")
			describe(b, t.Result, seen)
		}
	case *FileType:
		b.WriteString("file of ")
		describe(b, t.Elem, seen)
	default:
		b.WriteString(t.String())
	}
}

// describeMember writes the i-th record field or parameter, "name:T;".
func describeMember(b *strings.Builder, i int, name string, t Type, seen map[*RecordType]bool) {
	if i > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(name)
	b.WriteByte(':')
	describe(b, t, seen)
	b.WriteByte(';')
}
