package interp

import "testing"

// Integer arithmetic and comparisons give the same results whatever the
// shape of their operands: locals, literals or other expressions.
func TestIntegerShortcuts(t *testing.T) {
	out, errs := run(t, `
function id(n: count): count { return n; }
function iid(n: int): int { return n; }
event bro_init()
	{
	local c = 5;
	local d = 7;
	local i = -3;
	local j = 2;
	print c - d, c - 7, id(5) - 7, id(5) - d;
	print c * d, c + 7, id(5) * 7, c * id(7);
	print i - j, i * 4, iid(-3) + 1, i + c, c - i;
	print c < d, c < 7, id(5) < 7, c >= 5, c > 5, c == 5, c != 5, c <= 4;
	print i < j, i < 0, iid(-3) < 0, i < c, c > i, i == -3, i >= -3;
	c = c + 1;
	i = i * 2;
	print c, i;
	}
`)
	if errs != "" {
		t.Fatal(errs)
	}
	want := "18446744073709551614, 18446744073709551614, 18446744073709551614, 18446744073709551614\n" +
		"35, 12, 35, 35\n" +
		"-5, -12, -2, 2, 8\n" +
		"T, T, T, T, F, T, F, F\n" +
		"T, T, T, T, T, T, T\n" +
		"6, -6\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
