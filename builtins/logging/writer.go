package logging

import (
	"sort"
	"strconv"
	"strings"

	"gobro/runtime/value"
)

// Writer is the back end of one log file (or other destination): the
// rows of one stream's filter for one path. Calls come from one goroutine
// at a time; the manager serialises them.
type Writer interface {
	// Write takes one row; vals line up with the writer's columns and
	// are only valid during the call.
	Write(vals []value.Value) error
	// SetBuf turns buffering on or off; with it off every row reaches
	// the destination as it is written.
	SetBuf(buffered bool) error
	// Flush pushes buffered rows to the destination.
	Flush() error
	// Rotate closes the current file and renames it to rotatedPath plus
	// the writer's extension. It reports the new and old file names, and
	// false when there was nothing to rotate (no file open yet, or a
	// destination such as /dev/stdout that cannot be renamed).
	Rotate(rotatedPath string) (newName, oldName string, rotated bool, err error)
	// Finish flushes and closes for good, at shutdown or when the
	// stream goes away.
	Finish() error
}

// noneWriter is Log::WRITER_NONE: it accepts everything and keeps nothing.
type noneWriter struct{}

func (noneWriter) Write([]value.Value) error { return nil }
func (noneWriter) SetBuf(bool) error         { return nil }
func (noneWriter) Flush() error              { return nil }
func (noneWriter) Finish() error             { return nil }
func (noneWriter) Rotate(string) (string, string, bool, error) {
	return "", "", false, nil
}

// noneDescription is what Bro 2.6's None writer prints when it starts
// and LogNone::debug is set: its path, the rotation interval and base
// (as C++ streams print doubles), the $config entries sorted by key, and
// each column with the name of its type's tag ("table" for a set), then
// an empty line.
func noneDescription(path string, interval, base float64, config map[string]string, cols []Column) string {
	var b strings.Builder
	num := func(f float64) string { return strconv.FormatFloat(f, 'g', 6, 64) }
	b.WriteString("[logging::writer::None]\n")
	b.WriteString("  path=" + path + "\n")
	b.WriteString("  rotation_interval=" + num(interval) + "\n")
	b.WriteString("  rotation_base=" + num(base) + "\n")
	keys := make([]string, 0, len(config))
	for k := range config {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b.WriteString("  config[" + k + "] = " + config[k] + "\n")
	}
	for _, c := range cols {
		b.WriteString("  field " + c.Name + ": " + c.Type.Kind().String() + "\n")
	}
	b.WriteString("\n")
	return b.String()
}
