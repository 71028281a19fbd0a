package convert

import (
	"encoding/binary"
	"fmt"
	"strings"

	"gobro/runtime/interp"
	"gobro/runtime/value"
)

func init() {
	interp.Register("bytestring_to_hexstr", bifBytestringToHexstr)
	interp.Register("hexstr_to_bytestring", bifHexstrToBytestring)
	interp.Register("encode_base64", bifEncodeBase64)
	interp.Register("encode_base64_custom", bifEncodeBase64)
	interp.Register("decode_base64", bifDecodeBase64)
	interp.Register("decode_base64_custom", bifDecodeBase64)
	interp.Register("uuid_to_string", bifUUIDToString)
}

func bifBytestringToHexstr(_ *interp.Call, args []value.Value) value.Value {
	const hex = "0123456789abcdef"
	s := args[0].AsString()
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, hex[s[i]>>4], hex[s[i]&0xf])
	}
	return value.String(string(out))
}

func hexDigit(b byte) (byte, bool) {
	switch {
	case b >= '0' && b <= '9':
		return b - '0', true
	case b >= 'a' && b <= 'f':
		return b - 'a' + 10, true
	case b >= 'A' && b <= 'F':
		return b - 'A' + 10, true
	}
	return 0, false
}

// scanHexByte reads one byte at the start of s as C's sscanf "%2hhx"
// does: white space skipped, then an optional sign and up to two hex
// digits in all. It reports false where sscanf converts nothing.
func scanHexByte(s string) (byte, bool) {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	width := 2
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
		width--
	}
	var v byte
	n := 0
	for n < width && n < len(s) {
		d, ok := hexDigit(s[n])
		if !ok {
			break
		}
		v = v<<4 | d
		n++
	}
	if n == 0 {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

func bifHexstrToBytestring(c *interp.Call, args []value.Value) value.Value {
	s := args[0].AsString()
	if len(s)%2 != 0 {
		c.ReporterError("%s", fmt.Sprintf("Hex string '%s' has invalid length (not divisible by 2)", checkString(c, s)))
		return value.String("")
	}
	text := checkString(c, s)
	out := make([]byte, len(s)/2)
	for i := range out {
		if 2*i >= len(text) {
			break
		}
		b, ok := scanHexByte(text[2*i:])
		if !ok {
			c.ReporterError("%s", "Could not read hex element from input "+text)
			return value.String("")
		}
		out[i] = b
	}
	return value.String(string(out))
}

// defaultAlphabet is Base64's usual alphabet.
const defaultAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// EncodeBase64 encodes s with alphabet (64 bytes), padding with '='.
func EncodeBase64(s, alphabet string) string {
	out := make([]byte, 0, (len(s)+2)/3*4)
	for i := 0; i < len(s); i += 3 {
		var b [3]byte
		n := copy(b[:], s[i:])
		w := uint32(b[0])<<16 | uint32(b[1])<<8 | uint32(b[2])
		out = append(out, alphabet[w>>18&0x3f], alphabet[w>>12&0x3f])
		if n > 1 {
			out = append(out, alphabet[w>>6&0x3f])
		} else {
			out = append(out, '=')
		}
		if n > 2 {
			out = append(out, alphabet[w&0x3f])
		} else {
			out = append(out, '=')
		}
	}
	return string(out)
}

func bifEncodeBase64(c *interp.Call, args []value.Value) value.Value {
	s, a := args[0].AsString(), args[1].AsString()
	if a == "" {
		a = defaultAlphabet
	} else if len(a) != 64 {
		c.ReporterError("%s", "base64 alphabet is not 64 characters: "+checkString(c, a))
		c.ReporterError("%s", "error in encoding string "+checkString(c, s))
		return value.String("")
	}
	return value.String(EncodeBase64(s, a))
}

// base64Decoder decodes as Bro's Base64Converter does: bytes outside
// the alphabet are skipped (the first one reported), '=' counts as a
// zero digit that shortens its group, groups after a padded one are
// dropped (reported once), and an incomplete last group is padded with
// zero bits (reported).
type base64Decoder struct {
	table      [256]int
	group      [4]int
	next       int
	padding    int
	afterPad   bool
	errored    int
	out        []byte
	complaints []string
}

func newBase64Decoder(alphabet string) *base64Decoder {
	d := &base64Decoder{}
	for i := range d.table {
		d.table[i] = -1
	}
	for i := 0; i < 64; i++ {
		d.table[alphabet[i]] = i
	}
	d.table['='] = 0
	return d
}

func (d *base64Decoder) complain(msg string) { d.complaints = append(d.complaints, msg) }

func (d *base64Decoder) decode(data string) {
	for i := 0; ; i++ {
		if d.next == 4 {
			if d.afterPad {
				d.errored++
				if d.errored == 1 {
					d.complain("extra base64 groups after '=' padding are ignored")
				}
				d.next = 0
			} else {
				w := uint32(d.group[0]&0x3f)<<18 | uint32(d.group[1]&0x3f)<<12 | uint32(d.group[2]&0x3f)<<6 | uint32(d.group[3]&0x3f)
				octets := []byte{byte(w >> 16), byte(w >> 8), byte(w)}
				if n := 3 - d.padding; n > 0 {
					d.out = append(d.out, octets[:n]...)
				}
				if d.padding > 0 {
					d.afterPad = true
				}
				d.next = 0
				d.padding = 0
			}
		}
		if i >= len(data) {
			return
		}
		ch := data[i]
		if ch == '=' {
			d.padding++
		}
		if k := d.table[ch]; k >= 0 {
			d.group[d.next] = k
			d.next++
		} else {
			d.errored++
			if d.errored == 1 {
				d.complain(fmt.Sprintf("character %d ignored by Base64 decoding", int8(ch)))
			}
		}
	}
}

func (d *base64Decoder) done() {
	if d.next == 0 {
		return
	}
	d.complain(fmt.Sprintf("incomplete base64 group, padding with %d bits of 0", (4-d.next)*6))
	d.decode("==="[:4-d.next])
}

// DecodeBase64 decodes s with alphabet (64 bytes) as Bro 2.6 does,
// returning the bytes and the complaints Bro reports along the way.
func DecodeBase64(s, alphabet string) (string, []string) {
	d := newBase64Decoder(alphabet)
	d.decode(s)
	d.done()
	return string(d.out), d.complaints
}

func bifDecodeBase64(c *interp.Call, args []value.Value) value.Value {
	s, a := args[0].AsString(), args[1].AsString()
	if a == "" {
		a = defaultAlphabet
	} else if len(a) != 64 {
		c.ReporterError("%s", "base64 decoding alphabet is not 64 characters: "+checkString(c, a))
		c.ReporterError("%s", "error in decoding string "+checkString(c, s))
		return value.String("")
	}
	out, complaints := DecodeBase64(s, a)
	for _, m := range complaints {
		c.ReporterError("%s", m)
	}
	return value.String(out)
}

// bifUUIDToString reads the 16 bytes as Bro does on a little-endian
// host: the first three fields as native-order integers.
func bifUUIDToString(_ *interp.Call, args []value.Value) value.Value {
	u := []byte(args[0].AsString())
	if len(u) != 16 {
		return value.String("<Invalid UUID>")
	}
	return value.String(fmt.Sprintf("%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		binary.LittleEndian.Uint32(u[0:4]), binary.LittleEndian.Uint16(u[4:6]), binary.LittleEndian.Uint16(u[6:8]),
		u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]))
}
