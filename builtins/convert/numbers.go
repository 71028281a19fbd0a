// Package convert holds the bifs of Bro's bro.bif that convert between
// types: numbers, times, ports, addresses and subnets, byte strings, hex
// and Base64.
package convert

import (
	"encoding/binary"
	"math"
	"strconv"
	"strings"

	"gobro/runtime/interp"
	"gobro/runtime/types"
	"gobro/runtime/value"
)

func init() {
	interp.Register("to_int", bifToInt)
	interp.Register("int_to_count", bifIntToCount)
	interp.Register("double_to_count", bifDoubleToCount)
	interp.Register("to_count", bifToCount)
	interp.Register("to_double", bifToDouble)
	interp.Register("interval_to_double", same)
	interp.Register("time_to_double", same)
	interp.Register("double_to_time", same)
	interp.Register("double_to_interval", bifDoubleToInterval)
	interp.Register("bytestring_to_double", bifBytestringToDouble)
	interp.Register("bytestring_to_count", bifBytestringToCount)
}

// same serves the conversions between double, time and interval, which
// share their representation.
func same(_ *interp.Call, args []value.Value) value.Value { return args[0] }

// bifDoubleToInterval returns its argument as Bro 2.6's does: a plain
// value of type interval (bro.bif: new Val(d, TYPE_INTERVAL)), which
// prints as a double.
func bifDoubleToInterval(_ *interp.Call, args []value.Value) value.Value {
	return value.PlainInterval(args[0].AsDouble())
}

// checkString is Call.CheckString, for the conversions that read a
// string as C text.
func checkString(c *interp.Call, s string) string { return c.CheckString(s) }

// isCSpace reports whether C's isspace holds for b.
func isCSpace(b byte) bool {
	return b == ' ' || (b >= '\t' && b <= '\r')
}

// strtoInteger reads an integer as C's strtol/strtoull do in base 10:
// leading white space, an optional sign, then digits. It returns the
// magnitude (saturated at max+1 when it overflows), the sign, the
// number of bytes used (0 if no digits) and whether it overflowed.
func strtoInteger(s string) (mag uint64, neg bool, used int, overflow bool) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		d := uint64(s[i] - '0')
		if mag > (math.MaxUint64-d)/10 {
			overflow = true
		} else if !overflow {
			mag = mag*10 + d
		}
		i++
	}
	if i == start {
		return 0, false, 0, false
	}
	return mag, neg, i, overflow
}

// strtol is C's strtol(s, &end, 10) on a 64-bit system.
func strtol(s string) (int64, int) {
	mag, neg, used, overflow := strtoInteger(s)
	switch {
	case neg && (overflow || mag > 1<<63):
		return math.MinInt64, used
	case !neg && (overflow || mag > math.MaxInt64):
		return math.MaxInt64, used
	case neg:
		return -int64(mag), used
	}
	return int64(mag), used
}

// strtoull is C's strtoull(s, &end, 10): a negative number is negated
// as an unsigned value, and overflow saturates.
func strtoull(s string) (uint64, int) {
	mag, neg, used, overflow := strtoInteger(s)
	if overflow {
		return math.MaxUint64, used
	}
	if neg {
		return -mag, used
	}
	return mag, used
}

// bifToInt parses like strtoll, into a 64-bit int as Bro 2.6 does;
// nothing is reported for bad input.
func bifToInt(c *interp.Call, args []value.Value) value.Value {
	l, _ := strtol(checkString(c, args[0].AsString()))
	return value.Int(l)
}

func bifIntToCount(c *interp.Call, args []value.Value) value.Value {
	n := args[0].AsInt()
	if n < 0 {
		c.BuiltinErrorValue("bad conversion to count", args[0], types.IntType)
		n = 0
	}
	return value.Count(uint64(n))
}

// bifDoubleToCount rounds half to even; a negative double is reported
// but still converted, wrapping around as the C conversion does.
func bifDoubleToCount(c *interp.Call, args []value.Value) value.Value {
	d := args[0].AsDouble()
	if d < 0 {
		c.BuiltinErrorValue("bad conversion to count", args[0], types.DoubleType)
	}
	return value.Count(cUint64(math.RoundToEven(d)))
}

// cUint64 converts a double to uint64 as compiled C code does on
// x86-64, for values out of range too.
func cUint64(f float64) uint64 {
	switch {
	case f != f:
		return 1 << 63
	case f < 0:
		if f <= -(1 << 63) {
			return 1 << 63
		}
		return uint64(int64(f))
	case f >= 1<<64:
		return 0
	case f >= 1<<63:
		return uint64(int64(f-(1<<63))) ^ 1<<63
	}
	return uint64(f)
}

func bifToCount(c *interp.Call, args []value.Value) value.Value {
	s := checkString(c, args[0].AsString())
	u, used := strtoull(s)
	if s == "" || used != len(s) {
		c.BuiltinErrorValue("bad conversion to count", args[0], types.StringType)
		u = 0
	}
	return value.Count(u)
}

func bifToDouble(c *interp.Call, args []value.Value) value.Value {
	s := checkString(c, args[0].AsString())
	d, used := strtod(s)
	if s == "" || used != len(s) {
		c.BuiltinErrorValue("bad conversion to double", args[0], types.StringType)
		d = 0
	}
	return value.Double(d)
}

// strtod is C's strtod: leading white space, then the longest prefix
// that reads as a decimal or hexadecimal number, an infinity or a NaN.
// It returns the number and the bytes used (0 if none).
func strtod(s string) (float64, int) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	start := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	rest := strings.ToLower(s[i:])
	neg := i > start && s[start] == '-'
	sign := 1.0
	if neg {
		sign = -1
	}
	switch {
	case strings.HasPrefix(rest, "infinity"):
		return sign * math.Inf(1), i + 8
	case strings.HasPrefix(rest, "inf"):
		return sign * math.Inf(1), i + 3
	case strings.HasPrefix(rest, "nan"):
		n := i + 3
		if j := strings.IndexByte(s[n:], ')'); strings.HasPrefix(s[n:], "(") && j > 0 {
			inner := s[n+1 : n+j]
			if strings.Trim(inner, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == "" {
				n += j + 1
			}
		}
		return math.Copysign(math.NaN(), sign), n
	case strings.HasPrefix(rest, "0x"):
		if f, n, ok := hexFloat(s[i+2:]); ok {
			return sign * f, i + 2 + n
		}
		// "0x" with no hex digits reads as the number 0.
		return sign * 0, i + 1
	}
	j := i
	digits := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
		digits++
	}
	if j < len(s) && s[j] == '.' {
		j++
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
			digits++
		}
	}
	if digits == 0 {
		return 0, 0
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && s[k] >= '0' && s[k] <= '9' {
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			j = k
		}
	}
	f, err := strconv.ParseFloat(s[start:j], 64)
	if err != nil {
		// Out of range: ParseFloat still gives ±Inf or ±0, as strtod.
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, 0
		}
	}
	return f, j
}

// hexFloat reads the hex digits, optional fraction and optional binary
// exponent after "0x".
func hexFloat(s string) (float64, int, bool) {
	j := 0
	digits := 0
	isHex := func(b byte) bool {
		return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F')
	}
	for j < len(s) && isHex(s[j]) {
		j++
		digits++
	}
	if j < len(s) && s[j] == '.' {
		j++
		for j < len(s) && isHex(s[j]) {
			j++
			digits++
		}
	}
	if digits == 0 {
		return 0, 0, false
	}
	mant := s[:j]
	exp := "p0"
	if j < len(s) && (s[j] == 'p' || s[j] == 'P') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && s[k] >= '0' && s[k] <= '9' {
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			exp = s[j:k]
			j = k
		}
	}
	f, err := strconv.ParseFloat("0x"+mant+exp, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, 0, false
		}
	}
	return f, j, true
}

func bifBytestringToDouble(c *interp.Call, args []value.Value) value.Value {
	s := args[0].AsString()
	if len(s) != 8 {
		c.BuiltinError("bad conversion to double")
		return value.Double(0)
	}
	return value.Double(math.Float64frombits(binary.BigEndian.Uint64([]byte(s))))
}

func bifBytestringToCount(c *interp.Call, args []value.Value) value.Value {
	b := []byte(args[0].AsString())
	le := args[1].AsBool()
	var order binary.ByteOrder = binary.BigEndian
	if le {
		order = binary.LittleEndian
	}
	switch len(b) {
	case 1:
		return value.Count(uint64(b[0]))
	case 2:
		return value.Count(uint64(order.Uint16(b)))
	case 4:
		return value.Count(uint64(order.Uint32(b)))
	case 8:
		return value.Count(order.Uint64(b))
	}
	c.BuiltinError("unsupported byte length for bytestring_to_count")
	return value.Count(0)
}
