// Package math holds Bro 2.6's math bifs: floor, sqrt, exp, ln, log10
// and haversine_distance.
package math

import (
	gomath "math"

	"gobro/runtime/interp"
	"gobro/runtime/value"
)

func init() {
	interp.Register("floor", unary(gomath.Floor))
	interp.Register("exp", unary(gomath.Exp))
	interp.Register("ln", unary(gomath.Log))
	interp.Register("log10", unary(Log10))
	interp.Register("sqrt", bifSqrt)
	interp.Register("haversine_distance", bifHaversine)
}

func unary(f func(float64) float64) interp.Builtin {
	return func(_ *interp.Call, args []value.Value) value.Value {
		return value.Double(f(args[0].AsDouble()))
	}
}

// bifSqrt reports a negative argument, as Bro does, and gives -1.
func bifSqrt(c *interp.Call, args []value.Value) value.Value {
	x := args[0].AsDouble()
	if x < 0 {
		c.ReporterError("%s", "negative sqrt argument")
		return value.Double(-1)
	}
	return value.Double(gomath.Sqrt(x))
}

// Haversine is the great-circle distance in miles between two points
// given in degrees, computed as Bro does: with pi taken as 3.14159 and
// the earth's radius as 3958.8 miles.
func Haversine(lat1, long1, lat2, long2 float64) float64 {
	const pi = 3.14159
	const radius = 3958.8
	s1 := gomath.Sin((lat2 - lat1) * pi / 360)
	s2 := gomath.Sin((long2 - long1) * pi / 360)
	a := s1*s1 + gomath.Cos(lat1*pi/180)*gomath.Cos(lat2*pi/180)*s2*s2
	return 2 * radius * gomath.Asin(gomath.Sqrt(a))
}

func bifHaversine(_ *interp.Call, args []value.Value) value.Value {
	return value.Double(Haversine(args[0].AsDouble(), args[1].AsDouble(), args[2].AsDouble(), args[3].AsDouble()))
}

// Log10 is the common logarithm, exact for powers of ten as C's log10
// is (Go's math.Log10 can be an ulp off there, which shows in print).
func Log10(x float64) float64 {
	r := gomath.Log10(x)
	if n := gomath.Round(r); n != r && gomath.Abs(n) < 308 && gomath.Pow(10, n) == x {
		return n
	}
	return r
}
