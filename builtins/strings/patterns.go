package strings

import (
	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("split", splitter(false, 0, false))
	interp.Register("split1", splitter(false, 1, false))
	interp.Register("split_all", splitter(true, 0, false))
	interp.Register("split_n", splitterN(false))
	interp.Register("split_string", splitter(false, 0, true))
	interp.Register("split_string1", splitter(false, 1, true))
	interp.Register("split_string_all", splitter(true, 0, true))
	interp.Register("split_string_n", splitterN(true))
	interp.Register("sub", substituter(false))
	interp.Register("gsub", substituter(true))
	interp.Register("find_all", bifFindAll)
	interp.Register("find_last", bifFindLast)
}

func prefixOf(v value.Value) func(string) int {
	p, _ := v.R.(*value.Pattern)
	return interp.PatternPrefix(p)
}

// Split cuts s at the matches of a pattern as Bro's do_split does: at
// each position the longest non-empty match is a separator; with
// inclSep the separators are kept between the pieces; maxSep > 0 stops
// after that many separators, the rest of s being the last piece.
func Split(s string, match func(string) int, inclSep bool, maxSep int) []string {
	var out []string
	numSep := 0
	pos, n := 0, len(s)
	for n >= 0 {
		offset, end := 0, 0
		for n > 0 {
			if end = match(s[pos+offset:]); end > 0 {
				break
			}
			offset++
			n--
		}
		if maxSep > 0 && numSep >= maxSep {
			offset = len(s) - pos
			n = 0
		}
		out = append(out, s[pos:pos+offset])
		if n <= 0 {
			break
		}
		if inclSep {
			out = append(out, s[pos+offset:pos+offset+end])
		}
		if maxSep > 0 && numSep >= maxSep {
			break
		}
		numSep++
		n -= end
		pos += offset + end
	}
	return out
}

// pieces returns the pieces as a string_vec (from index 0) or a
// string_array (from index 1).
func pieces(c *interp.Call, parts []string, asVector bool) value.Value {
	if asVector {
		vec := &value.Vector{Type: stringVecType(c)}
		for _, p := range parts {
			vec.Elems = append(vec.Elems, value.String(p))
		}
		return value.Value{R: vec}
	}
	tbl := value.NewTable(stringArrayType(c))
	for i, p := range parts {
		tbl.Insert([]value.Value{value.Count(uint64(i + 1))}, value.String(p))
	}
	return value.Value{R: tbl}
}

func splitter(inclSep bool, maxSep int, asVector bool) interp.Builtin {
	return func(c *interp.Call, args []value.Value) value.Value {
		return pieces(c, Split(args[0].AsString(), prefixOf(args[1]), inclSep, maxSep), asVector)
	}
}

// splitterN serves split_n and split_string_n; the count of separators
// is a C int in Bro.
func splitterN(asVector bool) interp.Builtin {
	return func(c *interp.Call, args []value.Value) value.Value {
		maxSep := int(int32(args[3].AsCount()))
		if maxSep < 0 {
			maxSep = 0
		}
		return pieces(c, Split(args[0].AsString(), prefixOf(args[1]), args[2].AsBool(), maxSep), asVector)
	}
}

// Substitute replaces the first (or, with all, every) non-empty longest
// match of a pattern in s with repl, as Bro's do_sub does.
func Substitute(s string, match func(string) int, repl string, all bool) string {
	var out []byte
	last := 0
	for offset := 0; offset < len(s); {
		end := match(s[offset:])
		if end <= 0 {
			offset++
			continue
		}
		out = append(out, s[last:offset]...)
		out = append(out, repl...)
		offset += end
		last = offset
		if !all {
			break
		}
	}
	out = append(out, s[last:]...)
	return string(out)
}

func substituter(all bool) interp.Builtin {
	return func(_ *interp.Call, args []value.Value) value.Value {
		return value.String(Substitute(args[0].AsString(), prefixOf(args[1]), args[2].AsString(), all))
	}
}

func stringSetType(c *interp.Call) *types.TableType {
	if g := c.Interp.LookupGlobal("string_set"); g != nil {
		if t, ok := g.Type.(*types.TableType); ok {
			return t
		}
	}
	return &types.TableType{Index: []types.Type{types.StringType}}
}

// bifFindAll collects the longest match at each position, skipping past
// each match. Bro loops forever on an empty match; gobro moves on by one
// byte.
func bifFindAll(c *interp.Call, args []value.Value) value.Value {
	s := args[0].AsString()
	match := prefixOf(args[1])
	set := value.NewTable(stringSetType(c))
	for t := 0; t < len(s); t++ {
		n := match(s[t:])
		if n < 0 {
			continue
		}
		set.Insert([]value.Value{value.String(s[t : t+n])}, value.Value{})
		if n > 0 {
			t += n - 1
		}
	}
	return value.Value{R: set}
}

// bifFindLast returns the match starting at the last position where one
// starts (an empty match counts), or "".
func bifFindLast(_ *interp.Call, args []value.Value) value.Value {
	s := args[0].AsString()
	match := prefixOf(args[1])
	for t := len(s) - 1; t >= 0; t-- {
		if n := match(s[t:]); n >= 0 {
			return value.String(s[t : t+n])
		}
	}
	return value.String("")
}
