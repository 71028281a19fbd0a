package logging

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"gobro/runtime/types"
	"gobro/runtime/value"
)

// TimeFormat is how JSON output writes values of type time, as
// LogAscii::json_timestamps selects it.
type TimeFormat uint8

// The JSON::TimestampFormat values.
const (
	TSEpoch   TimeFormat = iota // seconds as a double, like any double
	TSMillis                    // whole milliseconds since the epoch
	TSISO8601                   // "2011-03-18T19:06:08.123456Z"
)

// ParseTimeFormat maps the enum names of JSON::TimestampFormat to formats.
func ParseTimeFormat(name string) (TimeFormat, bool) {
	switch name {
	case "JSON::TS_EPOCH":
		return TSEpoch, true
	case "JSON::TS_MILLIS":
		return TSMillis, true
	case "JSON::TS_ISO8601":
		return TSISO8601, true
	}
	return 0, false
}

// JSONFormat renders a row as one JSON object, as Bro 2.6's JSON
// formatter does: unset columns are left out, numbers as Bro prints them
// (a double always with a fraction or ".0"), strings with every byte
// outside printable ASCII and the characters " ' \ & written as \u00HH,
// sets and vectors as arrays.
type JSONFormat struct {
	Timestamps TimeFormat
}

// AppendRow appends one row, without its newline.
func (f *JSONFormat) AppendRow(b []byte, cols []Column, vals []value.Value) []byte {
	b = append(b, '{')
	for i, c := range cols {
		v := vals[i]
		if v.IsUnset() {
			continue
		}
		if last := b[len(b)-1]; last != '{' && last != ',' {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, c.Name...)
		b = append(b, '"', ':')
		b = f.appendValue(b, v, c.Type)
	}
	return append(b, '}')
}

func (f *JSONFormat) appendValue(b []byte, v value.Value, t types.Type) []byte {
	if t == nil {
		return b
	}
	switch t.Kind() {
	case types.Bool:
		if v.AsBool() {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	case types.Int:
		return strconv.AppendInt(b, v.AsInt(), 10)
	case types.Count, types.Counter:
		return strconv.AppendUint(b, v.AsCount(), 10)
	case types.Port:
		n, _ := v.AsPort()
		return strconv.AppendUint(b, uint64(n), 10)
	case types.Addr:
		return append(append(append(b, '"'), value.FormatAddr(v.AsAddr())...), '"')
	case types.Subnet:
		return append(append(append(b, '"'), value.FormatSubnet(v.AsSubnet())...), '"')
	case types.Double, types.Interval:
		return append(b, value.FormatDouble(v.AsDouble())...)
	case types.Time:
		return f.appendTime(b, v.AsDouble())
	case types.Enum, types.String, types.File, types.Func:
		return appendJSONString(b, stringOf(v, t))
	case types.Table:
		b = append(b, '[')
		if vec, ok := v.R.(*value.Vector); ok {
			// A set received from a peer, in the sender's order.
			elem := tableElem(t.(*types.TableType))
			for i, e := range vec.Elems {
				if i > 0 {
					b = append(b, ',')
				}
				b = f.appendElem(b, e, elem)
			}
		} else if tab, _ := v.R.(*value.Table); tab != nil {
			elem := tableElem(t.(*types.TableType))
			first := true
			tab.Each(func(e *value.Entry) bool {
				if !first {
					b = append(b, ',')
				}
				first = false
				if len(e.Key) > 0 {
					b = f.appendElem(b, e.Key[0], elem)
				}
				return true
			})
		}
		return append(b, ']')
	case types.Vector:
		b = append(b, '[')
		if vec, _ := v.R.(*value.Vector); vec != nil {
			elem := t.(*types.VectorType).Elem
			for i, e := range vec.Elems {
				if i > 0 {
					b = append(b, ',')
				}
				b = f.appendElem(b, e, elem)
			}
		}
		return append(b, ']')
	}
	return b
}

// appendElem appends a container element; an unset element (a vector
// hole) leaves nothing between its commas, as in Bro.
func (f *JSONFormat) appendElem(b []byte, v value.Value, t types.Type) []byte {
	if v.IsUnset() {
		return b
	}
	return f.appendValue(b, v, t)
}

func (f *JSONFormat) appendTime(b []byte, t float64) []byte {
	switch f.Timestamps {
	case TSMillis:
		return strconv.AppendUint(b, cUint64(t*1000), 10)
	case TSISO8601:
		whole := math.Floor(t)
		ts := time.Unix(int64(whole), 0).UTC()
		_, frac := math.Modf(t)
		if frac < 0 {
			frac++
		}
		b = append(b, '"')
		b = ts.AppendFormat(b, "2006-01-02T15:04:05")
		b = append(b, fmt.Sprintf(".%06.0fZ", math.Abs(frac)*1000000)...)
		return append(b, '"')
	}
	return append(b, value.FormatDouble(t)...)
}

// cUint64 converts as C's (uint64_t) cast does on x86-64 for the values
// a time can have: negative values wrap.
func cUint64(f float64) uint64 {
	if f != f {
		return 1 << 63
	}
	if f < 0 {
		return uint64(int64(f))
	}
	if f >= 18446744073709551616.0 {
		return 1 << 63
	}
	return uint64(f)
}

// appendJSONString appends s quoted, escaping as Bro 2.6 does.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 32 || c > 126 || c == '"' || c == '\'' || c == '\\' || c == '&' {
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			continue
		}
		b = append(b, c)
	}
	return append(b, '"')
}
