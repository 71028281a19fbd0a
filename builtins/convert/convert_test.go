package convert

import (
	"testing"

	"gobro/runtime/value"
)

func TestParseAddr(t *testing.T) {
	good := map[string]string{
		"1.2.3.4": "1.2.3.4", " 1.2.3.4": "1.2.3.4", "::1": "::1",
		"::ffff:10.0.0.1": "10.0.0.1", "2001:db8::1": "2001:db8::1",
	}
	for in, want := range good {
		a, ok := ParseAddr(in)
		if !ok || value.FormatAddr(a) != want {
			t.Errorf("ParseAddr(%q) = %v, %v; want %s", in, a, ok, want)
		}
	}
	for _, in := range []string{"", "1.2.3", "1.2.3.256", "1.2.3.4x", "fe80::1%eth0", "[::1]", "x", "1.2.3.-1"} {
		if a, ok := ParseAddr(in); ok {
			t.Errorf("ParseAddr(%q) = %v, want failure", in, a)
		}
	}
}

func TestParseSubnet(t *testing.T) {
	for in, want := range map[string]string{"10.0.0.0/8": "10.0.0.0/8", "10.1.2.3/16": "10.1.0.0/16", "2001:db8::/32": "2001:db8::/32"} {
		p, ok := ParseSubnet(in)
		if !ok || value.FormatSubnet(value.Subnet(p).AsSubnet()) != want {
			t.Errorf("ParseSubnet(%q) = %v, %v; want %s", in, p, ok, want)
		}
	}
	for _, in := range []string{"10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/8x", "x/8"} {
		if p, ok := ParseSubnet(in); ok {
			t.Errorf("ParseSubnet(%q) = %v, want failure", in, p)
		}
	}
}

func TestStrtod(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		used int
	}{
		{"1.5", 1.5, 3}, {" -2e3x", -2000, 5}, {"inf", 0, 3}, {"0x10", 16, 4}, {".5", 0.5, 2}, {"e5", 0, 0}, {"1e", 1, 1},
	}
	for _, c := range cases {
		got, used := strtod(c.in)
		if c.in == "inf" {
			if used != 3 || got < 1e308 {
				t.Errorf("strtod(inf) = %v, %d", got, used)
			}
			continue
		}
		if got != c.want || used != c.used {
			t.Errorf("strtod(%q) = %v, %d; want %v, %d", c.in, got, used, c.want, c.used)
		}
	}
}

func TestBase64(t *testing.T) {
	for _, s := range []string{"", "b", "br", "bro", "\x00\xff\x10hello"} {
		enc := EncodeBase64(s, defaultAlphabet)
		dec, complaints := DecodeBase64(enc, defaultAlphabet)
		if dec != s || len(complaints) != 0 {
			t.Errorf("round trip of %q: %q via %q, complaints %v", s, dec, enc, complaints)
		}
	}
	if dec, c := DecodeBase64("Yn!Jv", defaultAlphabet); dec != "bro" || len(c) != 1 {
		t.Errorf("skipping a bad byte: %q, %v", dec, c)
	}
}

func TestStrptimeStrftime(t *testing.T) {
	tm, ok := Strptime("%Y-%m-%d %H:%M:%S", "2009-02-13 23:31:30")
	if !ok || tm.Unix() != 1234567890 {
		t.Fatalf("Strptime = %v, %v", tm, ok)
	}
	if got := Strftime("%Y-%m-%dT%H:%M:%S %j %a %b", tm.UTC()); got != "2009-02-13T23:31:30 044 Fri Feb" {
		t.Errorf("Strftime = %q", got)
	}
	if _, ok := Strptime("%Y", "x"); ok {
		t.Error("Strptime accepted a bad year")
	}
}

// FuzzToAddr checks that address parsing never panics and that what
// it accepts survives rendering and parsing again.
func FuzzToAddr(f *testing.F) {
	for _, s := range []string{"1.2.3.4", "::1", "::ffff:1.2.3.4", "1.2.3", " 1.2.3.4", "fe80::1%1", "2001:db8::"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := ParseAddr(s)
		if !ok {
			return
		}
		b, ok := ParseAddr(value.FormatAddr(a))
		if !ok || b != a {
			t.Errorf("%q parsed as %v, which reparses as %v, %v", s, a, b, ok)
		}
	})
}

// FuzzToSubnet does the same for subnets.
func FuzzToSubnet(f *testing.F) {
	for _, s := range []string{"10.0.0.0/8", "::/0", "1.2.3.4/33", "x/1", "10.0.0.0/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := ParseSubnet(s)
		if !ok {
			return
		}
		text := value.FormatSubnet(value.Subnet(p).AsSubnet())
		q, ok := ParseSubnet(text)
		if !ok || q.Masked() != p.Masked() {
			t.Errorf("%q parsed as %v (%s), which reparses as %v, %v", s, p, text, q, ok)
		}
	})
}

// FuzzStrptime checks that parsing any format and text terminates
// without panicking.
func FuzzStrptime(f *testing.F) {
	for _, s := range []string{"%Y-%m-%d", "%T", "%s", "%d/%b/%Y %H:%M", "%%", "%"} {
		f.Add(s, "2009-02-13 23:31:30")
	}
	f.Fuzz(func(t *testing.T, format, d string) {
		if tm, ok := Strptime(format, d); ok {
			Strftime(format, tm)
		}
	})
}

// FuzzDecodeBase64 checks that decoding never panics and that encoding
// then decoding gives the input back.
func FuzzDecodeBase64(f *testing.F) {
	for _, s := range []string{"YnJv", "Yg==", "Yn!Jv", "====", "Yg==YnJv", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		DecodeBase64(s, defaultAlphabet)
		if dec, c := DecodeBase64(EncodeBase64(s, defaultAlphabet), defaultAlphabet); dec != s || len(c) != 0 {
			t.Errorf("round trip of %q gave %q, %v", s, dec, c)
		}
	})
}
