package interp

import (
	"net/netip"
	"strings"
	"testing"
)

func TestScalarOperators(t *testing.T) {
	out, errs := run(t, `
event bro_init()
	{
	print 5 & 3, 5 | 3, 5 ^ 3, ~0, !0;
	print 1.2.3.4 / 24, 10.0.0.1 in 10.0.0.0/8, [::ffff:10.0.0.1] in 10.0.0.0/8;
	print 80/tcp < 53/udp, 53/tcp < 80/tcp, 80/tcp == 80/udp;
	print 3sec + 2min, 2 * 3sec, 1hr / 30min, -(5sec), 1.2.3.4 < [::1];
	}
`)
	if errs != "" {
		t.Fatal(errs)
	}
	want := "1, 7, 6, 18446744073709551615, T\n" +
		"1.2.3.0/24, T, T\n" +
		"T, T, F\n" +
		"2.0 mins 3.0 secs, 6.0 secs, 2.0, -5.0 secs, F\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestOperandErrors(t *testing.T) {
	for src, want := range map[string]string{
		`print 1.5 % 2.0;`:         "requires integral operands (1.5 % 2.0)",
		`print "a" + 1;`:           "requires arithmetic operands (a + 1)",
		`print /a/ ^ /b/;`:         "'^' operator does not apply to patterns (/^?(a)$?/ ^ /^?(b)$?/)",
		`print 1.0 & 2;`:           `requires "count" or compatible "set" operands (1.0 & 2)`,
		`print ~(-1);`:             `requires "count" operand (~(-1))`,
		`print 5sec * 2sec;`:       "multiplication with interval requires arithmetic operand (5.0 secs * 2.0 secs)",
		`print "a" < 1;`:           "operands must be of the same type (a < 1)",
		`print T < F;`:             "illegal comparison (T < F)",
		`print 1 as string;`:       "cast not supported (1 as string)",
		`local c: count; c = "a";`: "assignment of non-arithmetic value to arithmetic (count/string) (c = a)",
	} {
		_, errs := run(t, "event bro_init() { "+src+" }\n")
		if !strings.Contains(errs, "error in t.bro, line 1: "+want+"\n") {
			t.Errorf("%s: errors %q, want %q", src, errs, want)
		}
	}
}

func TestSubnetHelpers(t *testing.T) {
	p := netip.MustParsePrefix("10.0.0.0/8")
	if !subnetContains(p, netip.MustParseAddr("::ffff:10.1.2.3")) || subnetContains(p, netip.MustParseAddr("11.0.0.1")) {
		t.Error("subnetContains")
	}
	if !sameSubnet(p, netip.MustParsePrefix("10.9.0.0/8")) || sameSubnet(p, netip.MustParsePrefix("10.0.0.0/9")) {
		t.Error("sameSubnet")
	}
}
