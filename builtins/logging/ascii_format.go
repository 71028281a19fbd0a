package logging

import (
	"strconv"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// AsciiFormat renders rows in Bro's tab-separated log format.
//
// The escaping rules are those of Bro 2.6's ASCII formatter writing into
// an escaping description: every byte that is not printable ASCII becomes
// \xHH (lower-case hex), a backslash becomes \\, and any occurrence of the
// field separator (and, inside a set or vector, of the set separator) has
// each of its bytes written as \xHH. A string that is empty is written as
// the empty-field marker; a string equal to the unset or empty marker has
// its first byte escaped so that it cannot be mistaken for one.
type AsciiFormat struct {
	Separator    string
	SetSeparator string
	EmptyField   string
	UnsetField   string
}

// AppendRow appends one row, without its newline.
func (f *AsciiFormat) AppendRow(b []byte, cols []Column, vals []value.Value) []byte {
	for i, c := range cols {
		if i > 0 {
			b = append(b, f.Separator...)
		}
		b = f.appendValue(b, vals[i], c.Type, false)
	}
	return b
}

// escaper returns the escaping for a value inside a container or not.
func (f *AsciiFormat) seqs(inContainer bool) (string, string) {
	if inContainer {
		return f.Separator, f.SetSeparator
	}
	return f.Separator, ""
}

func (f *AsciiFormat) appendValue(b []byte, v value.Value, t types.Type, inContainer bool) []byte {
	s1, s2 := f.seqs(inContainer)
	if v.IsUnset() || t == nil {
		return appendEscaped(b, f.UnsetField, s1, s2)
	}
	switch t.Kind() {
	case types.Bool:
		if v.AsBool() {
			return append(b, 'T')
		}
		return append(b, 'F')
	case types.Int:
		return strconv.AppendInt(b, v.AsInt(), 10)
	case types.Count, types.Counter:
		return strconv.AppendUint(b, v.AsCount(), 10)
	case types.Port:
		n, _ := v.AsPort()
		return strconv.AppendUint(b, uint64(n), 10)
	case types.Addr:
		if a := v.AsAddr(); a.Is4() {
			// A dotted quad needs no allocation.
			var tmp [16]byte
			return appendEscaped(b, a.AppendTo(tmp[:0]), s1, s2)
		}
		return appendEscaped(b, value.FormatAddr(v.AsAddr()), s1, s2)
	case types.Subnet:
		return appendEscaped(b, value.FormatSubnet(v.AsSubnet()), s1, s2)
	case types.Double:
		return f.appendNumber(b, plainDouble, v.AsDouble(), s1, s2)
	case types.Time, types.Interval:
		return f.appendNumber(b, fixed6, v.AsDouble(), s1, s2)
	case types.Enum, types.String, types.File, types.Func:
		s := stringOf(v, t)
		switch {
		case s == "":
			return appendEscaped(b, f.EmptyField, s1, s2)
		case s == f.UnsetField || s == f.EmptyField:
			b = appendHex(b, s[0])
			return appendEscaped(b, s[1:], s1, s2)
		}
		return appendEscaped(b, s, s1, s2)
	case types.Table:
		elem := tableElem(t.(*types.TableType))
		if vec, ok := v.R.(*value.Vector); ok {
			// A set received from a peer: its elements in the order the
			// sender logged them (see Remote).
			if len(vec.Elems) == 0 {
				return appendEscaped(b, f.EmptyField, s1, s2)
			}
			for i, e := range vec.Elems {
				if i > 0 {
					b = append(b, f.SetSeparator...)
				}
				b = f.appendValue(b, e, elem, true)
			}
			return b
		}
		tab, _ := v.R.(*value.Table)
		if tab == nil || tab.Len() == 0 {
			return appendEscaped(b, f.EmptyField, s1, s2)
		}
		first := true
		tab.Each(func(e *value.Entry) bool {
			if !first {
				b = append(b, f.SetSeparator...)
			}
			first = false
			var k value.Value
			if len(e.Key) > 0 {
				k = e.Key[0]
			}
			b = f.appendValue(b, k, elem, true)
			return true
		})
		return b
	case types.Vector:
		vec, _ := v.R.(*value.Vector)
		if vec == nil || len(vec.Elems) == 0 {
			return appendEscaped(b, f.EmptyField, s1, s2)
		}
		elem := t.(*types.VectorType).Elem
		for i, e := range vec.Elems {
			if i > 0 {
				b = append(b, f.SetSeparator...)
			}
			b = f.appendValue(b, e, elem, true)
		}
		return b
	}
	return appendEscaped(b, f.UnsetField, s1, s2)
}

// appendNumber appends a rendered number through the escaping (a
// separator made of digits would otherwise go unnoticed).
func (f *AsciiFormat) appendNumber(b []byte, render func([]byte, float64) []byte, d float64, s1, s2 string) []byte {
	var tmp [48]byte
	return appendEscaped(b, render(tmp[:0], d), s1, s2)
}

// stringOf returns the text a string-like column holds: a string's bytes,
// an enum's full name, a file's name, a function's description.
func stringOf(v value.Value, t types.Type) string {
	switch t.Kind() {
	case types.String:
		return v.AsString()
	case types.Func:
		// Bro's ValToLogVal describes the function into a default
		// (in-memory, readable) ODesc: a script function's name, a
		// newline and its body, a built-in function's name alone.
		if ds, ok := v.R.(value.Describer); ok {
			d := value.NewDesc(value.ModeMessage)
			ds.Describe(d)
			return d.String()
		}
	case types.Enum:
		if s, ok := v.R.(string); ok {
			// An enum value received from a peer is its name.
			return s
		}
		et, _ := t.(*types.EnumType)
		if et == nil {
			return ""
		}
		return et.NameOf(v.AsInt())
	}
	switch r := v.R.(type) {
	case *value.File:
		return r.Name
	case interface{ Name() string }:
		return r.Name()
	case string:
		return r
	}
	return ""
}

const hexDigits = "0123456789abcdef"

func appendHex(b []byte, c byte) []byte {
	return append(b, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xf])
}

// appendEscaped appends s with Bro's escaping for log output; s1 and s2
// are the active escape sequences ("" for none).
func appendEscaped[S ~string | ~[]byte](b []byte, s S, s1, s2 string) []byte {
	if !needsEscape(s, s1, s2) {
		return append(b, s...)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < ' ' || c > '~' {
			b = appendHex(b, c)
			i++
			continue
		}
		if c == '\\' {
			b = append(b, '\\', '\\')
			i++
			continue
		}
		if n := startsWithSeq(s[i:], s1, s2); n > 0 {
			for j := 0; j < n; j++ {
				if s[i+j] == '\\' {
					b = append(b, '\\', '\\')
				} else {
					b = appendHex(b, s[i+j])
				}
			}
			i += n
			continue
		}
		b = append(b, c)
		i++
	}
	return b
}

// needsEscape is the fast path: most values contain nothing to escape.
func needsEscape[S ~string | ~[]byte](s S, s1, s2 string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == '\\' {
			return true
		}
		if (s1 != "" && c == s1[0]) || (s2 != "" && c == s2[0]) {
			return true
		}
	}
	return false
}

// startsWithSeq returns the length of the escape sequence s starts with,
// or 0. The field separator is checked first, as Bro adds it first.
func startsWithSeq[S ~string | ~[]byte](s S, s1, s2 string) int {
	if s1 != "" && len(s) >= len(s1) && string(s[:len(s1)]) == s1 {
		return len(s1)
	}
	if s2 != "" && len(s) >= len(s2) && string(s[:len(s2)]) == s2 {
		return len(s2)
	}
	return 0
}
