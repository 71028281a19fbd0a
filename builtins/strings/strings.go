// Package strings holds the string bifs of Bro 2.6's strings.bif.
package strings

import (
	"bytes"
	"fmt"
	"strings"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("levenshtein_distance", bifLevenshtein)
	interp.Register("string_cat", bifStringCat)
	interp.Register("edit", bifEdit)
	interp.Register("sub_bytes", bifSubBytes)
	interp.Register("strcmp", bifStrcmp)
	interp.Register("strstr", bifStrstr)
	interp.Register("subst_string", bifSubstString)
	interp.Register("to_lower", bifToLower)
	interp.Register("to_upper", bifToUpper)
	interp.Register("clean", bifEscape)
	interp.Register("escape_string", bifEscape)
	interp.Register("to_string_literal", bifToStringLiteral)
	interp.Register("is_ascii", bifIsASCII)
	interp.Register("string_to_ascii_hex", bifStringToASCIIHex)
	interp.Register("strip", bifStrip)
	interp.Register("string_fill", bifStringFill)
	interp.Register("str_shell_escape", bifStrShellEscape)
	interp.Register("reverse", bifReverse)
	interp.Register("hexdump", bifHexdump)
	interp.Register("byte_len", bifByteLen)
}

// bifByteLen is byte_len: the number of bytes in a string, as |s| gives.
func bifByteLen(_ *interp.Call, args []value.Value) value.Value {
	return value.Count(uint64(len(str(args[0]))))
}

func str(v value.Value) string { return v.AsString() }

func bifLevenshtein(_ *interp.Call, args []value.Value) value.Value {
	a, b := str(args[0]), str(args[1])
	if a == "" {
		return value.Count(uint64(len(b)))
	}
	if b == "" {
		return value.Count(uint64(len(a)))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return value.Count(uint64(prev[len(b)]))
}

// bifStringCat concatenates string arguments. Bro aborts on anything
// else; gobro reports it and leaves the argument out.
func bifStringCat(c *interp.Call, args []value.Value) value.Value {
	var b strings.Builder
	for _, a := range args {
		if an, ok := a.R.(*value.Any); ok && an != nil {
			if an.Type.Kind() != types.String {
				c.BuiltinErrorValue("string_cat() requires string arguments", an.Value, an.Type)
				continue
			}
			b.WriteString(an.Value.AsString())
		}
	}
	return value.String(b.String())
}

// bifEdit applies a backspace character: each one deletes the byte
// before it.
func bifEdit(c *interp.Call, args []value.Value) value.Value {
	s, e := str(args[0]), str(args[1])
	if len(e) != 1 {
		c.BuiltinErrorValue("not exactly one edit character", args[1], types.StringType)
	}
	var edit byte
	if e != "" {
		edit = e[0]
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == edit {
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			continue
		}
		out = append(out, s[i])
	}
	return value.String(string(out))
}

// Substring is Bro's BroString::GetSubstring: from start (0-based) for
// n bytes, n < 0 or too large meaning to the end; ok is false when start
// lies beyond the end.
func Substring(s string, start, n int64) (string, bool) {
	if start < 0 || start > int64(len(s)) {
		return "", false
	}
	if n < 0 || n > int64(len(s))-start {
		n = int64(len(s)) - start
	}
	return s[start : start+n], true
}

// bifSubBytes takes the 1-based start (0 counts as 1) as a C int, as Bro
// does.
func bifSubBytes(_ *interp.Call, args []value.Value) value.Value {
	start := args[1].AsCount()
	if start > 0 {
		start--
	}
	sub, _ := Substring(str(args[0]), int64(int32(start)), int64(int32(args[2].AsInt())))
	return value.String(sub)
}

// Compare is Bro's Bstr_cmp: memcmp over the common length (glibc's
// difference of the first differing bytes), then the shorter string
// first.
func Compare(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return int(a[i]) - int(b[i])
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

func bifStrcmp(_ *interp.Call, args []value.Value) value.Value {
	return value.Int(int64(Compare(str(args[0]), str(args[1]))))
}

func bifStrstr(_ *interp.Call, args []value.Value) value.Value {
	return value.Count(uint64(1 + strings.Index(str(args[0]), str(args[1]))))
}

func bifSubstString(_ *interp.Call, args []value.Value) value.Value {
	s, from, to := str(args[0]), str(args[1]), str(args[2])
	if from == "" {
		return args[0]
	}
	return value.String(strings.ReplaceAll(s, from, to))
}

func bifToLower(_ *interp.Call, args []value.Value) value.Value {
	b := []byte(str(args[0]))
	for i, ch := range b {
		if ch >= 'A' && ch <= 'Z' {
			b[i] = ch + 'a' - 'A'
		}
	}
	return value.String(string(b))
}

func bifToUpper(_ *interp.Call, args []value.Value) value.Value {
	b := []byte(str(args[0]))
	for i, ch := range b {
		if ch >= 'a' && ch <= 'z' {
			b[i] = ch - 'a' + 'A'
		}
	}
	return value.String(string(b))
}

// bifEscape serves clean and escape_string, which both render a string
// as print does: bytes outside [32, 126] as \xHH.
func bifEscape(_ *interp.Call, args []value.Value) value.Value {
	return value.String(value.EscapeString(str(args[0])))
}

// bifToStringLiteral also escapes backslashes and quotes, as the string
// would be written in a script.
func bifToStringLiteral(_ *interp.Call, args []value.Value) value.Value {
	s := str(args[0])
	var b strings.Builder
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '\\':
			b.WriteString(`\\`)
		case ch == '"' || ch == '\'':
			b.WriteByte('\\')
			b.WriteByte(ch)
		case ch < ' ' || ch > '~':
			b.WriteString(`\x`)
			b.WriteByte(hex[ch>>4])
			b.WriteByte(hex[ch&0xf])
		default:
			b.WriteByte(ch)
		}
	}
	return value.String(b.String())
}

func bifIsASCII(_ *interp.Call, args []value.Value) value.Value {
	s := str(args[0])
	for i := 0; i < len(s); i++ {
		if s[i] > 127 {
			return value.Bool(false)
		}
	}
	return value.Bool(true)
}

func bifStringToASCIIHex(_ *interp.Call, args []value.Value) value.Value {
	return value.String(fmt.Sprintf("%x", str(args[0])))
}

func isSpace(b byte) bool { return b == ' ' || (b >= '\t' && b <= '\r') }

func bifStrip(_ *interp.Call, args []value.Value) value.Value {
	s := str(args[0])
	i, j := 0, len(s)
	for j > i && isSpace(s[j-1]) {
		j--
	}
	for i < j && isSpace(s[i]) {
		i++
	}
	return value.String(s[i:j])
}

// bifStringFill repeats source to len bytes, the last of which Bro sets
// to NUL. Bro hangs on an empty source and crashes on a length below 1;
// gobro fills with NULs and returns "" respectively.
func bifStringFill(_ *interp.Call, args []value.Value) value.Value {
	n, src := int64(int32(args[0].AsInt())), str(args[1])
	if n <= 0 {
		return value.String("")
	}
	out := make([]byte, n)
	if src != "" {
		for i := int64(0); i < n; i += int64(len(src)) {
			copy(out[i:], src)
		}
	}
	out[n-1] = 0
	return value.String(string(out))
}

func bifStrShellEscape(_ *interp.Call, args []value.Value) value.Value {
	s := str(args[0])
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '`', '"', '\\', '$':
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return value.String(b.String())
}

func bifReverse(_ *interp.Call, args []value.Value) value.Value {
	b := []byte(str(args[0]))
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return value.String(string(b))
}

// bifHexdump lays out 16 bytes a line: a four-digit offset, the bytes in
// hex in two groups of eight, then the printable bytes ('.' for the
// others) in two groups.
func bifHexdump(_ *interp.Call, args []value.Value) value.Value {
	data := str(args[0])
	const lineWidth = 74
	buf := bytes.Repeat([]byte{' '}, (len(data)/16+1)*lineWidth)
	hexPos, asciiPos := 0, 50
	x := 0
	for i := 0; i < len(data); i++ {
		if x == 0 {
			copy(buf[hexPos:], fmt.Sprintf("%04x", i))
			hexPos += 6
			asciiPos = hexPos + 50
		}
		ch := data[i]
		copy(buf[hexPos:], fmt.Sprintf("%02x", ch))
		buf[hexPos+2] = ' '
		hexPos += 3
		if ch < 0x20 || ch >= 0x7f {
			ch = '.'
		}
		buf[asciiPos] = ch
		asciiPos++
		if x == 7 {
			buf[hexPos] = ' '
			hexPos++
			buf[asciiPos] = ' '
			asciiPos++
		}
		x++
		if x == 16 {
			x = 0
			buf[asciiPos] = '\n'
			asciiPos++
			hexPos = asciiPos
		}
	}
	if asciiPos == 0 || buf[asciiPos-1] != '\n' {
		buf[asciiPos] = '\n'
		asciiPos++
	}
	return value.String(string(buf[:asciiPos]))
}
