package files

import (
	"strings"

	"github.com/gabriel-vasile/mimetype"

	"gobro/runtime/interp"
	"gobro/runtime/value"
)

func init() {
	interp.Register("identify_data", bifIdentifyData)
}

// bifIdentifyData gives the MIME type of data, or "<unknown>" where
// nothing matches. Bro matches its own file-magic signatures; gobro asks
// the mimetype library (github.com/gabriel-vasile/mimetype), which knows
// the same common formats. The second argument is deprecated: false only
// draws a warning.
func bifIdentifyData(c *interp.Call, args []value.Value) value.Value {
	if len(args) > 1 && !args[1].AsBool() {
		c.ReporterWarning("identify_data() builtin-function only returns MIME types, but verbose file info requested")
	}
	data := []byte(args[0].AsString())
	if len(data) == 0 {
		return value.String("<unknown>")
	}
	mime, _, _ := strings.Cut(mimetype.Detect(data).String(), ";")
	if mime == "" || mime == "application/octet-stream" {
		return value.String("<unknown>")
	}
	return value.String(mime)
}
