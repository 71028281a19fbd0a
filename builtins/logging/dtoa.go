package logging

import (
	"math"
	"strconv"
	"strings"

	"gobro/runtime/value"
)

// Bro renders numbers in logs with the modp_dtoa family of functions
// rather than printf. The functions here reproduce the two the log
// formatters use; value.FormatDouble covers the third (modp_dtoa2 with
// ".0" for whole numbers), which JSON output shares with print.

var pow10 = [...]float64{1, 10, 100, 1000, 10000, 100000, 1000000,
	10000000, 100000000, 1000000000}

// threshold is where modp's conversions give up on their own digit loop.
const threshold = float64(0x7FFFFFFF)

// fixed6 formats a time or interval as a log column: always six fraction
// digits, trailing zeros kept (modp_dtoa with precision 6), and C's %e
// above 2^31-1.
func fixed6(b []byte, v float64) []byte {
	if v != v {
		return append(b, "nan"...)
	}
	neg := v < 0
	if neg {
		v = -v
	}
	if v > threshold {
		if neg {
			v = -v
		}
		return appendCExp(b, v)
	}
	whole := int64(v)
	tmp := (v - float64(whole)) * pow10[6]
	frac := uint32(tmp)
	diff := tmp - float64(frac)
	if diff > 0.5 {
		frac++
		if float64(frac) >= pow10[6] {
			frac = 0
			whole++
		}
	} else if diff == 0.5 && (frac == 0 || frac&1 == 1) {
		frac++
	}
	if neg {
		b = append(b, '-')
	}
	b = strconv.AppendInt(b, whole, 10)
	b = append(b, '.')
	var digits [6]byte
	for i := 5; i >= 0; i-- {
		digits[i] = byte('0' + frac%10)
		frac /= 10
	}
	return append(b, digits[:]...)
}

// appendCExp appends v as C's printf("%e") does: inf and nan spelled
// out, otherwise a mantissa with six digits and an exponent of at least
// two digits.
func appendCExp(b []byte, v float64) []byte {
	switch {
	case math.IsInf(v, 1):
		return append(b, "inf"...)
	case math.IsInf(v, -1):
		return append(b, "-inf"...)
	}
	return strconv.AppendFloat(b, v, 'e', 6, 64)
}

// plainDouble formats a double as a log column: at most six fraction
// digits with trailing zeros dropped, never an exponent (modp_dtoa3), and
// ".0" after a finite whole number so that it reads as a double.
func plainDouble(b []byte, v float64) []byte {
	start := len(b)
	switch {
	case v != v:
		return append(b, "nan"...)
	case math.IsInf(v, 1):
		return append(b, "inf"...)
	case math.IsInf(v, -1):
		return append(b, "-inf"...)
	}
	if math.Abs(v) > threshold {
		s := strconv.FormatFloat(v, 'f', 6, 64)
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
		b = append(b, s...)
	} else {
		b = append(b, value.FormatDouble(v)...)
		// FormatDouble has already decided on ".0" by the int
		// conversion, which agrees with the whole-number test for
		// every value in int range.
		return b
	}
	if math.Trunc(v) == v && !strings.ContainsRune(string(b[start:]), 'e') {
		b = append(b, ".0"...)
	}
	return b
}
