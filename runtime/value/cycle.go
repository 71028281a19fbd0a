package value

// HoldsItself reports whether v is a record, vector or table that holds
// itself, directly or through values inside it, so that walking it
// (to describe it, or to make a key of it) would never end.
func HoldsItself(v Value) bool {
	var path []any
	var walk func(v Value) bool
	walk = func(v Value) bool {
		var c any
		switch x := v.R.(type) {
		case *Any:
			if x == nil {
				return false
			}
			return walk(x.Value)
		case *Record:
			c = x
		case *Vector:
			c = x
		case *Table:
			c = x
		default:
			return false
		}
		for _, p := range path {
			if p == c {
				return true
			}
		}
		path = append(path, c)
		defer func() { path = path[:len(path)-1] }()
		switch x := c.(type) {
		case *Record:
			for _, f := range x.Fields {
				if walk(f) {
					return true
				}
			}
		case *Vector:
			for _, e := range x.Elems {
				if walk(e) {
					return true
				}
			}
		case *Table:
			found := false
			x.Each(func(e *Entry) bool {
				for _, k := range e.Key {
					if walk(k) {
						found = true
						return false
					}
				}
				if walk(e.Yield) {
					found = true
					return false
				}
				return true
			})
			return found
		}
		return false
	}
	return walk(v)
}
