// Package logging is the Go side of Bro 2.6's logging framework: the log
// manager that the bifs of logging.bif (Log::__create_stream, Log::__write,
// ...) call into, and the writers behind it.
//
// The script side (scripts/base/frameworks/logging) keeps the filters and
// streams users see; this package turns a stream's column record into flat
// columns ("id.orig_h"), applies each filter (predicate, path function,
// include/exclude, field renaming, extension fields) and hands rows to a
// writer. The ASCII writer produces Bro 2.6's tab-separated format with its
// header and footer lines, or one JSON object per line; the none writer
// discards everything. Rows are buffered and reach the file when the
// buffer fills, when a stream is flushed or unbuffered, when a file
// rotates, and when the process ends.
package logging
