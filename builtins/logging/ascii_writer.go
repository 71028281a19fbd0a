package logging

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"gobro/runtime/value"
)

// AsciiOptions are the settings of an ASCII writer: the LogAscii::
// options, overridden per filter by its $config table.
type AsciiOptions struct {
	OutputToStdout bool
	UseJSON        bool
	JSONTimestamps string // a JSON::TimestampFormat name, "JSON::TS_EPOCH"
	IncludeMeta    bool
	TSV            bool // $config["tsv"]: a single header line of names
	MetaPrefix     string
	Separator      string
	SetSeparator   string
	EmptyField     string
	UnsetField     string
	// GzipLevel is LogAscii::gzip_level (or $config["gzip_level"]):
	// above 0 the output is gzip-compressed at that level and a file's
	// name gains ".gz".
	GzipLevel int
}

// DefaultAsciiOptions returns Bro 2.6's defaults.
func DefaultAsciiOptions() AsciiOptions {
	return AsciiOptions{
		JSONTimestamps: "JSON::TS_EPOCH",
		IncludeMeta:    true,
		MetaPrefix:     "#",
		Separator:      "\t",
		SetSeparator:   ",",
		EmptyField:     "(empty)",
		UnsetField:     "-",
	}
}

// ApplyConfig applies a filter's $config entries, as Bro's ASCII writer
// reads them. Unknown keys are ignored; a bad boolean is an error.
func (o *AsciiOptions) ApplyConfig(config map[string]string) error {
	boolOpt := func(key string, dst *bool) error {
		v, ok := config[key]
		if !ok {
			return nil
		}
		switch v {
		case "T":
			*dst = true
		case "F":
			*dst = false
		default:
			return fmt.Errorf("invalid value for '%s', must be a string and either \"T\" or \"F\"", key)
		}
		return nil
	}
	for _, b := range []struct {
		key string
		dst *bool
	}{{"tsv", &o.TSV}, {"use_json", &o.UseJSON}, {"output_to_stdout", &o.OutputToStdout}} {
		if err := boolOpt(b.key, b.dst); err != nil {
			return err
		}
	}
	for _, s := range []struct {
		key string
		dst *string
	}{{"separator", &o.Separator}, {"set_separator", &o.SetSeparator},
		{"empty_field", &o.EmptyField}, {"unset_field", &o.UnsetField},
		{"meta_prefix", &o.MetaPrefix}, {"json_timestamps", &o.JSONTimestamps}} {
		if v, ok := config[s.key]; ok {
			*s.dst = v
		}
	}
	if v, ok := config["gzip_level"]; ok {
		// Bro reads the level with atoi: what does not parse is 0.
		o.GzipLevel = atoi(v)
		if o.GzipLevel < 0 || o.GzipLevel > 9 {
			return errGzipLevel
		}
	}
	return nil
}

// errGzipLevel is the ASCII writer's error for a level out of range.
var errGzipLevel = errors.New("invalid value for 'gzip_level', must be a number between 0 and 9.")

// atoi reads a number as glibc's atoi does, (int) strtol(s, 0, 10):
// leading white space, an optional sign, then as many decimal digits as
// there are; anything else gives 0. strtol saturates at the limits of a
// long, and the conversion to int keeps the low 32 bits.
func atoi(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	const limit = 1 << 63 // LONG_MAX + 1
	var n uint64
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		if n <= (limit-9)/10 {
			n = n*10 + uint64(s[i]-'0')
		} else {
			n = limit
		}
	}
	var l int64
	switch {
	case neg && n >= limit:
		l = -limit
	case neg:
		l = -int64(n)
	case n >= limit:
		l = limit - 1
	default:
		l = int64(n)
	}
	return int(int32(l))
}

// rowFormat is what the ASCII writer needs of a formatter.
type rowFormat interface {
	AppendRow(b []byte, cols []Column, vals []value.Value) []byte
}

// AsciiWriter writes one log path as Bro 2.6's ASCII writer does: a
// header of meta lines when the file opens, one line per row, a #close
// line when it closes. The file is opened at the first row, so a stream
// that never writes leaves no file, and after a rotation the next file
// appears only when the next row arrives.
type AsciiWriter struct {
	path   string // the log path, "conn"
	cols   []Column
	opts   AsciiOptions
	format rowFormat
	stdout io.Writer // where /dev/stdout goes

	// Clock gives the wall-clock time of the #open and #close lines.
	Clock func() time.Time

	fname    string
	file     *os.File
	gz       *gzip.Writer // between out and file, with GzipLevel > 0
	out      *rowBuffer
	open     bool
	buffered bool
	row      []byte
}

// bufferSize is how many bytes of rows a file holds back before writing.
const bufferSize = 64 << 10

// rowBuffer holds rows back and writes only whole rows, so that a file
// ends on a row boundary whenever the process stops (a buffer that
// writes itself out when full would leave half a row in the file).
type rowBuffer struct {
	dst io.Writer
	buf []byte
}

func (b *rowBuffer) WriteString(s string) { b.buf = append(b.buf, s...) }

func (b *rowBuffer) Write(p []byte) (int, error) {
	b.buf = append(b.buf, p...)
	return len(p), nil
}

// Flush writes out what is held; after a failure the rest stays held.
func (b *rowBuffer) Flush() error {
	if len(b.buf) == 0 {
		return nil
	}
	n, err := b.dst.Write(b.buf)
	b.buf = b.buf[:copy(b.buf, b.buf[n:])]
	return err
}

// NewAsciiWriter returns a writer for path with the given columns. stdout
// receives output for /dev/stdout (and with OutputToStdout).
func NewAsciiWriter(path string, cols []Column, opts AsciiOptions, stdout io.Writer) (*AsciiWriter, error) {
	w := &AsciiWriter{path: path, cols: cols, opts: opts, stdout: stdout, buffered: true, Clock: time.Now}
	if opts.UseJSON {
		tf, ok := ParseTimeFormat(opts.JSONTimestamps)
		if !ok {
			return nil, fmt.Errorf("Invalid JSON timestamp format: %s", opts.JSONTimestamps)
		}
		w.format = &JSONFormat{Timestamps: tf}
		// JSON output has no header lines.
		w.opts.IncludeMeta = false
	} else {
		w.format = &AsciiFormat{Separator: opts.Separator, SetSeparator: opts.SetSeparator,
			EmptyField: opts.EmptyField, UnsetField: opts.UnsetField}
	}
	return w, nil
}

// LogExt returns the extension of log files: $BRO_LOG_SUFFIX, else "log".
func LogExt() string {
	if ext, ok := os.LookupEnv("BRO_LOG_SUFFIX"); ok {
		return ext
	}
	return "log"
}

// isSpecial tells destinations that are not ordinary files.
func isSpecial(path string) bool { return strings.HasPrefix(path, "/dev/") }

// FileName returns the file the writer writes (once it has opened it).
func (w *AsciiWriter) FileName() string { return w.fname }

func (w *AsciiWriter) openFile() error {
	path := w.path
	if w.opts.OutputToStdout {
		path = "/dev/stdout"
	}
	w.fname = path
	if !isSpecial(path) {
		w.fname = path + "." + LogExt() + w.gzipExt()
	}
	if w.opts.GzipLevel > 9 {
		return errGzipLevel
	}
	var dst io.Writer
	if w.fname == "/dev/stdout" && w.stdout != nil {
		dst = w.stdout
	} else {
		f, err := os.OpenFile(w.fname, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			return fmt.Errorf("cannot open %s: %s", w.fname, errText(err))
		}
		w.file = f
		dst = f
	}
	if w.opts.GzipLevel > 0 {
		// Bro gzdopen()s whatever it opened, /dev/stdout included.
		// The stream is only complete once the file closes: as with
		// zlib, flushing the writer does not flush the compressor.
		gz, err := gzip.NewWriterLevel(dst, w.opts.GzipLevel)
		if err != nil {
			return fmt.Errorf("cannot gzip %s: %s", w.fname, err)
		}
		gz.OS = 3 // Unix, as zlib writes it
		w.gz = gz
		dst = gz
	}
	w.out = &rowBuffer{dst: dst, buf: make([]byte, 0, bufferSize)}
	w.open = true
	w.writeHeader(path)
	return nil
}

// gzipExt is what compression adds to a file's name.
func (w *AsciiWriter) gzipExt() string {
	if w.opts.GzipLevel > 0 {
		return ".gz"
	}
	return ""
}

// errText is the strerror part of an OS error.
func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		err = le.Err
	}
	s := err.Error()
	if s != "" {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

// timestamp renders wall-clock time as the #open and #close lines do.
func (w *AsciiWriter) timestamp() string {
	return w.Clock().Format("2006-01-02-15-04-05")
}

func (w *AsciiWriter) headerField(key, val string) {
	w.out.WriteString(w.opts.MetaPrefix + key + w.opts.Separator + val + "\n")
}

func (w *AsciiWriter) writeHeader(path string) {
	if !w.opts.IncludeMeta {
		return
	}
	names := make([]string, len(w.cols))
	typeNames := make([]string, len(w.cols))
	for i, c := range w.cols {
		names[i] = c.Name
		typeNames[i] = TypeName(c.Type)
	}
	if w.opts.TSV {
		w.out.WriteString(strings.Join(names, w.opts.Separator) + "\n")
		return
	}
	// The separator line always uses a space between key and value.
	w.out.WriteString(w.opts.MetaPrefix + "separator " + escapeMeta(w.opts.Separator) + "\n")
	w.headerField("set_separator", escapeMeta(w.opts.SetSeparator))
	w.headerField("empty_field", escapeMeta(w.opts.EmptyField))
	w.headerField("unset_field", escapeMeta(w.opts.UnsetField))
	w.headerField("path", escapeMeta(path))
	w.headerField("open", w.timestamp())
	w.headerField("fields", strings.Join(names, w.opts.Separator))
	w.headerField("types", strings.Join(typeNames, w.opts.Separator))
}

// escapeMeta escapes a header value as Bro's get_escaped_string does
// without escape_all: whitespace, non-ASCII and unprintable bytes become
// \xHH, everything else (backslash included) stays.
func escapeMeta(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || (c >= '\t' && c <= '\r') || c < ' ' || c > '~' {
			b = appendHex(b, c)
		} else {
			b = append(b, c)
		}
	}
	return string(b)
}

// Write appends one row.
func (w *AsciiWriter) Write(vals []value.Value) error {
	if !w.open {
		if err := w.openFile(); err != nil {
			return err
		}
	}
	row := w.format.AppendRow(w.row[:0], w.cols, vals)
	row = append(row, '\n')
	w.row = row
	if mp := w.opts.MetaPrefix; mp != "" && len(row) >= len(mp) && string(row[:len(mp)]) == mp {
		// A row that would read as a meta line gets its first byte
		// escaped.
		var hx [4]byte
		w.out.Write(appendHex(hx[:0], row[0]))
		row = row[1:]
	}
	w.out.Write(row)
	if !w.buffered || len(w.out.buf) >= bufferSize {
		return w.Flush()
	}
	return nil
}

// SetBuf turns buffering on or off.
func (w *AsciiWriter) SetBuf(buffered bool) error {
	w.buffered = buffered
	if !buffered {
		return w.Flush()
	}
	return nil
}

// Flush writes buffered rows out.
func (w *AsciiWriter) Flush() error {
	if !w.open {
		return nil
	}
	if err := w.out.Flush(); err != nil {
		return fmt.Errorf("error writing to %s: %s", w.fname, errText(err))
	}
	return nil
}

// closeFile writes the #close line and closes the file.
func (w *AsciiWriter) closeFile() error {
	if !w.open {
		return nil
	}
	if w.opts.IncludeMeta && !w.opts.TSV {
		w.headerField("close", w.timestamp())
	}
	err := w.out.Flush()
	if w.gz != nil {
		if cerr := w.gz.Close(); err == nil {
			err = cerr
		}
		w.gz = nil
	}
	if w.file != nil {
		if cerr := w.file.Close(); err == nil {
			err = cerr
		}
		w.file = nil
	}
	w.open = false
	if err != nil {
		return fmt.Errorf("error writing to %s: %s", w.fname, errText(err))
	}
	return nil
}

// Rotate closes the file and renames it to rotatedPath.<ext>, with
// ".gz" after it for a compressed file.
func (w *AsciiWriter) Rotate(rotatedPath string) (string, string, bool, error) {
	if !w.open || isSpecial(w.fname) {
		return "", "", false, nil
	}
	if err := w.closeFile(); err != nil {
		return "", "", false, err
	}
	nname := rotatedPath + "." + LogExt() + w.gzipExt()
	if err := os.Rename(w.fname, nname); err != nil {
		return "", "", false, fmt.Errorf("failed to rename %s to %s: %s", w.fname, nname, errText(err))
	}
	return nname, w.fname, true, nil
}

// Finish closes the file for good.
func (w *AsciiWriter) Finish() error { return w.closeFile() }
