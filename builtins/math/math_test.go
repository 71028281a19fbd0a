package math

import (
	"fmt"
	"strconv"
	"testing"
)

// TestHaversine compares with the distances Bro's own test expects,
// to four significant digits.
func TestHaversine(t *testing.T) {
	cases := []struct {
		lat1, long1, lat2, long2 float64
		want                     string
	}{
		{37.866798, -122.253601, 48.25, 11.65, "5.8481e+03"},
		{48.25, 11.65, 37.866798, -122.253601, "5.8481e+03"},
		{.0001388889, 0, -.0001388889, 0, "1.9193e-02"},
		{38, 0.000138999, 38, -0.000138999, "1.5136e-02"},
		{38, 180, 38, -179.98333, "9.2419e-01"},
		{45, -90, -45, 90, "1.2437e+04"},
		{90, 0, -90, 0, "1.2437e+04"},
	}
	for _, c := range cases {
		if got := fmt.Sprintf("%.4e", Haversine(c.lat1, c.long1, c.lat2, c.long2)); got != c.want {
			t.Errorf("Haversine(%v, %v, %v, %v) = %s, want %s", c.lat1, c.long1, c.lat2, c.long2, got, c.want)
		}
	}
}

func TestLog10PowersOfTen(t *testing.T) {
	for n := -20; n <= 20; n++ {
		x, _ := strconv.ParseFloat(fmt.Sprintf("1e%d", n), 64)
		if got := Log10(x); got != float64(n) {
			t.Errorf("Log10(1e%d) = %v", n, got)
		}
	}
}
