package convert

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"gobro/runtime/interp"
	"gobro/runtime/value"
)

func init() {
	interp.Register("strftime", bifStrftime)
	interp.Register("strptime", bifStrptime)
}

var (
	weekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// cTime converts seconds to a time_t as a C cast does, then to the
// local time.
func cTime(secs float64) time.Time {
	if secs != secs || secs >= math.MaxInt64 || secs < math.MinInt64 {
		return time.Unix(math.MinInt64, 0).Local()
	}
	return time.Unix(int64(secs), 0).Local()
}

// Strftime formats t as C's strftime does in the C locale.
func Strftime(format string, t time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' || i+1 == len(format) {
			b.WriteByte(ch)
			continue
		}
		i++
		// The E and O modifiers change nothing in the C locale.
		for i+1 < len(format) && (format[i] == 'E' || format[i] == 'O') {
			i++
		}
		b.WriteString(strftimeField(format[i], t))
	}
	return b.String()
}

func pad2(n int) string { return fmt.Sprintf("%02d", n) }

func isoWeek(t time.Time) (int, int) { return t.ISOWeek() }

func strftimeField(c byte, t time.Time) string {
	switch c {
	case 'a':
		return weekdays[t.Weekday()][:3]
	case 'A':
		return weekdays[t.Weekday()]
	case 'b', 'h':
		return months[t.Month()-1][:3]
	case 'B':
		return months[t.Month()-1]
	case 'c':
		return Strftime("%a %b %e %H:%M:%S %Y", t)
	case 'C':
		return pad2(t.Year() / 100)
	case 'd':
		return pad2(t.Day())
	case 'D':
		return Strftime("%m/%d/%y", t)
	case 'e':
		return fmt.Sprintf("%2d", t.Day())
	case 'F':
		return Strftime("%Y-%m-%d", t)
	case 'g':
		y, _ := isoWeek(t)
		return pad2(((y % 100) + 100) % 100)
	case 'G':
		y, _ := isoWeek(t)
		return strconv.Itoa(y)
	case 'H':
		return pad2(t.Hour())
	case 'I':
		return pad2((t.Hour()+11)%12 + 1)
	case 'j':
		return fmt.Sprintf("%03d", t.YearDay())
	case 'k':
		return fmt.Sprintf("%2d", t.Hour())
	case 'l':
		return fmt.Sprintf("%2d", (t.Hour()+11)%12+1)
	case 'm':
		return pad2(int(t.Month()))
	case 'M':
		return pad2(t.Minute())
	case 'n':
		return "\n"
	case 'p':
		if t.Hour() < 12 {
			return "AM"
		}
		return "PM"
	case 'P':
		if t.Hour() < 12 {
			return "am"
		}
		return "pm"
	case 'r':
		return Strftime("%I:%M:%S %p", t)
	case 'R':
		return Strftime("%H:%M", t)
	case 's':
		return strconv.FormatInt(t.Unix(), 10)
	case 'S':
		return pad2(t.Second())
	case 't':
		return "\t"
	case 'T':
		return Strftime("%H:%M:%S", t)
	case 'u':
		wd := int(t.Weekday())
		if wd == 0 {
			wd = 7
		}
		return strconv.Itoa(wd)
	case 'U':
		return pad2((t.YearDay() + 6 - int(t.Weekday())) / 7)
	case 'V':
		_, w := isoWeek(t)
		return pad2(w)
	case 'w':
		return strconv.Itoa(int(t.Weekday()))
	case 'W':
		return pad2((t.YearDay() + 6 - (int(t.Weekday())+6)%7) / 7)
	case 'x':
		return Strftime("%m/%d/%y", t)
	case 'X':
		return Strftime("%H:%M:%S", t)
	case 'y':
		return pad2(((t.Year() % 100) + 100) % 100)
	case 'Y':
		return strconv.Itoa(t.Year())
	case 'z':
		_, off := t.Zone()
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		return fmt.Sprintf("%c%02d%02d", sign, off/3600, off/60%60)
	case 'Z':
		name, _ := t.Zone()
		return name
	case '%':
		return "%"
	}
	return "%" + string(c)
}

// bifStrftime formats a time; like Bro, it gives "<strftime error>"
// when the result would be empty or longer than 127 bytes.
func bifStrftime(c *interp.Call, args []value.Value) value.Value {
	s := Strftime(checkString(c, args[0].AsString()), cTime(args[1].AsDouble()))
	if s == "" || len(s) >= 128 {
		return value.String("<strftime error>")
	}
	return value.String(s)
}

// tm is the broken-down time strptime fills in.
type tm struct {
	year, mon, mday, hour, min, sec int
	pm, hasPM, hour12               bool
	epoch                           *int64
}

// Strptime parses d by format as C's strptime does for the common
// conversions, on top of the broken-down epoch in the local zone. It
// reports false where strptime returns NULL; unparsed text after the
// format is allowed, as in C.
func Strptime(format, d string) (time.Time, bool) {
	base := time.Unix(0, 0).Local()
	t := tm{year: base.Year(), mon: int(base.Month()), mday: base.Day(), hour: base.Hour(), min: base.Minute(), sec: base.Second()}
	if _, ok := parseTm(format, d, &t); !ok {
		return time.Time{}, false
	}
	if t.epoch != nil {
		return time.Unix(*t.epoch, 0).Local(), true
	}
	hour := t.hour
	if t.hour12 && t.hasPM {
		hour %= 12
		if t.pm {
			hour += 12
		}
	}
	return time.Date(t.year, time.Month(t.mon), t.mday, hour, t.min, t.sec, 0, time.Local), true
}

func skipSpace(s string) string { return strings.TrimLeft(s, " \t\n\v\f\r") }

// number reads up to width digits (after optional spaces) and checks the
// range.
func number(s *string, width, lo, hi int) (int, bool) {
	in := skipSpace(*s)
	neg := false
	if strings.HasPrefix(in, "-") || strings.HasPrefix(in, "+") {
		neg = in[0] == '-'
		in = in[1:]
	}
	n, i := 0, 0
	for i < len(in) && i < width && in[i] >= '0' && in[i] <= '9' {
		n = n*10 + int(in[i]-'0')
		i++
	}
	if i == 0 {
		return 0, false
	}
	if neg {
		n = -n
	}
	if n < lo || n > hi {
		return 0, false
	}
	*s = in[i:]
	return n, true
}

func name(s *string, names []string) (int, bool) {
	in := *s
	for i, n := range names {
		if len(in) >= len(n) && strings.EqualFold(in[:len(n)], n) {
			*s = in[len(n):]
			return i, true
		}
	}
	for i, n := range names {
		if len(in) >= 3 && strings.EqualFold(in[:3], n[:3]) {
			*s = in[3:]
			return i, true
		}
	}
	return 0, false
}

// parseTm matches format against the start of s, filling in t; it
// returns what is left of s.
func parseTm(format, s string, t *tm) (string, bool) {
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if isCSpace(ch) {
			s = skipSpace(s)
			continue
		}
		if ch != '%' {
			if s == "" || s[0] != ch {
				return s, false
			}
			s = s[1:]
			continue
		}
		i++
		if i == len(format) {
			return s, false
		}
		for i+1 < len(format) && (format[i] == 'E' || format[i] == 'O') {
			i++
		}
		var ok bool
		switch format[i] {
		case '%':
			s = skipSpace(s)
			ok = strings.HasPrefix(s, "%")
			if ok {
				s = s[1:]
			}
		case 'Y':
			t.year, ok = number(&s, 4, -9999, 9999)
		case 'y':
			var y int
			y, ok = number(&s, 2, 0, 99)
			if y < 69 {
				t.year = 2000 + y
			} else {
				t.year = 1900 + y
			}
		case 'C':
			var c int
			c, ok = number(&s, 2, 0, 99)
			t.year = c*100 + t.year%100
		case 'm':
			t.mon, ok = number(&s, 2, 1, 12)
		case 'd', 'e':
			t.mday, ok = number(&s, 2, 1, 31)
		case 'H', 'k':
			t.hour, ok = number(&s, 2, 0, 23)
			t.hour12 = false
		case 'I', 'l':
			t.hour, ok = number(&s, 2, 1, 12)
			t.hour12 = true
		case 'M':
			t.min, ok = number(&s, 2, 0, 59)
		case 'S':
			t.sec, ok = number(&s, 2, 0, 61)
		case 'b', 'B', 'h':
			var m int
			s = skipSpace(s)
			m, ok = name(&s, months)
			t.mon = m + 1
		case 'a', 'A':
			s = skipSpace(s)
			_, ok = name(&s, weekdays)
		case 'p':
			s = skipSpace(s)
			switch {
			case len(s) >= 2 && strings.EqualFold(s[:2], "AM"):
				t.pm, ok = false, true
			case len(s) >= 2 && strings.EqualFold(s[:2], "PM"):
				t.pm, ok = true, true
			}
			if ok {
				t.hasPM = true
				s = s[2:]
			}
		case 'n', 't':
			s, ok = skipSpace(s), true
		case 'T':
			s, ok = parseTm("%H:%M:%S", s, t)
		case 'R':
			s, ok = parseTm("%H:%M", s, t)
		case 'D':
			s, ok = parseTm("%m/%d/%y", s, t)
		case 'F':
			s, ok = parseTm("%Y-%m-%d", s, t)
		case 'z':
			// glibc reads the offset into a field mktime ignores.
			in := skipSpace(s)
			if strings.HasPrefix(in, "Z") {
				s, ok = in[1:], true
				break
			}
			if in != "" && (in[0] == '+' || in[0] == '-') {
				n := 0
				for n < 4 && 1+n < len(in) && in[1+n] >= '0' && in[1+n] <= '9' {
					n++
					if n == 2 && 1+n < len(in) && in[1+n] == ':' {
						in = in[:1+n] + in[2+n:]
					}
				}
				if n == 2 || n == 4 {
					s, ok = in[1+n:], true
				}
			}
		case 'Z':
			// Read and ignored, as glibc does.
			in := skipSpace(s)
			end := 0
			for end < len(in) && !isCSpace(in[end]) {
				end++
			}
			s, ok = in[end:], true
		case 's':
			in := skipSpace(s)
			n, used := strtol(in)
			if used > 0 {
				t.epoch = &n
				s, ok = in[used:], true
			}
		}
		if !ok {
			return s, false
		}
	}
	return s, true
}

// bifStrptime parses a time; a failure gives a warning and time 0.
func bifStrptime(c *interp.Call, args []value.Value) value.Value {
	format, d := checkString(c, args[0].AsString()), checkString(c, args[1].AsString())
	t, ok := Strptime(format, d)
	if !ok {
		c.ReporterWarning("%s", "strptime conversion failed: fmt:"+format+" d:"+d)
		return value.Double(0)
	}
	return value.Double(float64(t.Unix()))
}
