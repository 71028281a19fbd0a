// Package loader reads scripts in the order Bro 2.6 reads them and hands
// their declarations, one at a time, to the interpreter.
//
// It finds scripts the way Bro does (BROPATH search, a name with or without
// ".bro", "./" and "../" paths against the loading file's directory, a
// directory by its __load__.bro), loads each file once however it is
// named, acts on @load, @load-sigs, @unload and @prefixes where they stand,
// and keeps the module scope: a loaded file starts in the module of the
// file that loaded it and, when it ends, that module is restored.
// Declarations are applied before the next one is read, so @if conditions
// see the globals that exist when they are reached.
package loader

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gobro/lang/ast"
	"gobro/lang/parser"
	"gobro/lang/scanner"
)

// GlobalModule is the module a run starts in.
const GlobalModule = "GLOBAL"

// Scope tells where a declaration stands.
type Scope struct {
	File   string // the file, named as Bro names it in messages
	Module string // the module in effect
	Export bool   // inside an export block
}

// Target receives what the loader reads: it decides conditions and applies
// declarations. The interpreter is the Target.
type Target interface {
	// Decide decides an @if, @ifdef or @ifndef met in module.
	Decide(c *parser.Condition, module string) (bool, error)
	// Declare applies one declaration or top-level statement.
	Declare(d ast.Decl, s Scope) error
}

// Loader loads scripts into a Target. The zero value is not usable; call
// New.
type Loader struct {
	path     []string
	target   Target
	seen     []os.FileInfo // files loaded or unloaded, compared by identity
	scanned  []string      // files loaded, in order
	levels   []int         // for each of scanned, its depth in @loads
	reading  int           // how many files are being read (nesting)
	checked  int           // how many of scanned the prefix pass has seen
	prefixes []string
	sigs     []string
	module   string
	export   bool
	current  string // the file being read, for "./" paths
	errs     []*scanner.Error
	halted   bool // a file with errors has ended: read nothing more
}

// New returns a loader that searches path (BROPATH's entries, in order).
func New(path []string, target Target) *Loader {
	return &Loader{path: path, target: target, module: GlobalModule, prefixes: []string{""}}
}

// AddPrefixes appends prefixes, as BRO_PREFIXES and "-p" add them before
// any script is read.
func (l *Loader) AddPrefixes(p ...string) { l.prefixes = append(l.prefixes, p...) }

// Errors returns the errors found so far. Once a file with errors ends,
// the loader reads nothing more (not even the rest of the file that loaded
// it), as Bro stops reading input there.
func (l *Loader) Errors() []*scanner.Error { return l.errs }

// Files returns the files loaded so far, in load order.
func (l *Loader) Files() []string { return l.scanned }

// Levels returns, for each file of Files, how deeply it was nested in
// @loads: 0 for the files named on the command line, 1 for those they
// load, and so on (Bro's include level).
func (l *Loader) Levels() []int { return l.levels }

// Signatures returns the signature files named by @load-sigs.
func (l *Loader) Signatures() []string { return l.sigs }

// FatalError is a load failure that ends the run, such as a script that
// cannot be found. It renders as Bro's "fatal error" line.
type FatalError struct {
	Pos ast.Pos // where the failing @load stands; zero for a command-line file
	Msg string
}

func (e *FatalError) Error() string {
	if e.Pos.Filename == "" {
		return "fatal error: " + e.Msg
	}
	return fmt.Sprintf("fatal error in %s, line %d: %s", e.Pos.Filename, e.Pos.Line, e.Msg)
}

// MaxScriptSize bounds the size of one script file, so that a script
// named by mistake (/dev/zero, a capture file) is refused rather than read
// until memory runs out.
var MaxScriptSize int64 = 1 << 30

// ScriptTooLargeError is the error for a script over MaxScriptSize.
type ScriptTooLargeError struct{ Path string }

func (e *ScriptTooLargeError) Error() string {
	return fmt.Sprintf("can't load %s: larger than %d bytes", e.Path, MaxScriptSize)
}

// ReadScript reads a script file, failing without reading on past
// MaxScriptSize bytes.
func ReadScript(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var src []byte
	if info, serr := f.Stat(); serr == nil && info.Mode().IsRegular() {
		if info.Size() > MaxScriptSize {
			return nil, &ScriptTooLargeError{Path: path}
		}
		// A file that grows while read is still cut at the limit.
		src, err = io.ReadAll(io.LimitReader(f, MaxScriptSize+1))
		if err == nil && int64(len(src)) > MaxScriptSize {
			err = errTooLarge
		}
	} else {
		src, err = readLimited(f)
	}
	if err == errTooLarge {
		return nil, &ScriptTooLargeError{Path: path}
	}
	return src, err
}

// ReadStdinScript reads a script from r (standard input) as ReadScript
// does; the error is the fatal error to report.
func ReadStdinScript(r io.Reader) ([]byte, error) {
	src, err := readLimited(r)
	switch {
	case err == errTooLarge:
		return nil, &FatalError{Msg: (&ScriptTooLargeError{Path: StdinName}).Error()}
	case err != nil:
		return nil, &FatalError{Msg: "can't open " + StdinName}
	}
	return src, nil
}

var errTooLarge = errors.New("script too large")

// readLimited reads all of r in chunks, so that input that never ends
// costs at most MaxScriptSize bytes before it is refused (reading into
// one growing buffer would cost twice that).
func readLimited(r io.Reader) ([]byte, error) {
	const chunkSize = 1 << 20
	var chunks [][]byte
	var total int64
	for {
		chunk := make([]byte, chunkSize)
		n, err := io.ReadFull(r, chunk)
		total += int64(n)
		if total > MaxScriptSize {
			return nil, errTooLarge
		}
		chunks = append(chunks, chunk[:n])
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	src := make([]byte, 0, total)
	for _, c := range chunks {
		src = append(src, c...)
	}
	return src, nil
}

// Load loads a script named as on the command line or by @load at the top
// level.
func (l *Loader) Load(name string) error {
	return l.load(name, ast.Pos{})
}

// LoadSource reads src as a file called filename, without a search: the
// way Bro reads "-e" code as "<command line>".
func (l *Loader) LoadSource(filename string, src []byte) error {
	if l.halted {
		return nil
	}
	return l.read(filename, src)
}

// StdinName is what Bro calls a script read from standard input.
const StdinName = "<stdin>"

// LoadStdin reads src as the script Bro reads from standard input when it
// is given no script at all: it is called "<stdin>", counts as a loaded
// file, and its relative @loads are against the current directory.
func (l *Loader) LoadStdin(src []byte) error {
	if l.halted {
		return nil
	}
	l.scanned = append(l.scanned, StdinName)
	l.levels = append(l.levels, l.reading)
	return l.read(StdinName, src)
}

// Finish loads the prefixed variants of every loaded script, as Bro does
// once its input is exhausted: for prefix "p" and a script loaded from
// BROPATH as "a/b/c.bro", the script "p.a.b.c.bro" if it exists (for
// "a/b/__load__.bro", "p.a.b"). Files found this way are checked too.
func (l *Loader) Finish() error {
	for l.checked < len(l.scanned) && !l.halted {
		var found []string
		for ; l.checked < len(l.scanned); l.checked++ {
			canon := l.withoutPathEntry(l.scanned[l.checked])
			for i := len(l.prefixes) - 1; i >= 0; i-- {
				if l.prefixes[i] == "" {
					continue
				}
				if p := l.find(flatten(canon, l.prefixes[i]), "bro", ""); p != "" {
					found = append(found, p)
				}
			}
		}
		for _, p := range found {
			if err := l.load(p, ast.Pos{}); err != nil {
				return err
			}
		}
	}
	return nil
}

// load finds name and reads it unless it was read before. pos is where
// the @load stands, for messages.
func (l *Loader) load(name string, pos ast.Pos) error {
	if l.halted {
		return nil
	}
	path := l.find(name, "bro", l.current)
	if path == "" {
		return &FatalError{Pos: pos, Msg: "can't find " + name}
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		pkg := path + "/__load__.bro"
		if _, err := os.Stat(pkg); err != nil {
			l.errorf(pos, "Failed to open package '%s': missing '%s' file", path, pkg)
			return &FatalError{Pos: pos, Msg: "can't open " + pkg}
		}
		path = pkg
	}
	info, err := os.Stat(path)
	if err != nil {
		return &FatalError{Pos: pos, Msg: "can't open " + path}
	}
	if l.seenBefore(info) {
		return nil
	}
	src, err := ReadScript(path)
	var tooLarge *ScriptTooLargeError
	if errors.As(err, &tooLarge) {
		return &FatalError{Pos: pos, Msg: tooLarge.Error()}
	}
	if err != nil {
		return &FatalError{Pos: pos, Msg: "can't open " + path}
	}
	l.seen = append(l.seen, info)
	l.scanned = append(l.scanned, path)
	l.levels = append(l.levels, l.reading)
	return l.read(path, src)
}

func (l *Loader) seenBefore(info os.FileInfo) bool {
	for _, s := range l.seen {
		if os.SameFile(s, info) {
			return true
		}
	}
	return false
}

// read hands the declarations of one file to the target, acting on the
// loader's own directives and scope declarations itself.
func (l *Loader) read(path string, src []byte) error {
	savedModule, savedExport, savedCurrent := l.module, l.export, l.current
	defer func() { l.module, l.export, l.current = savedModule, savedExport, savedCurrent }()
	l.current = path
	l.reading++
	defer func() { l.reading-- }()

	r := parser.NewReader(path, src, decider{l})
	var failure error
	for failure == nil && !l.halted {
		d, err := r.Next()
		if err != nil {
			break // the end, or a syntax error: Errors has it
		}
		switch d := d.(type) {
		case *ast.ModuleDecl:
			l.module = d.Name
		case *ast.ExportDecl:
			l.export = true
		case *ast.ExportEnd:
			l.export = false
		case *ast.DirectiveDecl:
			failure = l.directive(d)
		default:
			if err := l.target.Declare(d, Scope{File: path, Module: l.module, Export: l.export}); err != nil {
				failure = err
			}
		}
	}
	l.errs = append(l.errs, r.Errors()...)
	l.halted = len(l.errs) > 0
	// Errors the target found while checking also end loading once
	// this file is done, as Bro loads no further files after errors.
	if t, ok := l.target.(interface{ Errors() int }); ok && t.Errors() > 0 {
		l.halted = true
	}
	return failure
}

// decider passes conditions to the target with the module in effect.
type decider struct{ l *Loader }

func (d decider) Decide(c *parser.Condition) (bool, error) {
	return d.l.target.Decide(c, d.l.module)
}

// directive acts on a loader directive.
func (l *Loader) directive(d *ast.DirectiveDecl) error {
	switch d.Name {
	case "@load":
		return l.load(d.Arg, d.Pos)
	case "@load-sigs":
		if p := l.find(d.Arg, "sig", l.current); p != "" {
			l.sigs = append(l.sigs, p)
		} else {
			l.errorf(d.Pos, "failed to find file associated with @load-sigs %s", d.Arg)
		}
	case "@unload":
		p := l.find(d.Arg, "bro", l.current)
		if p == "" {
			l.errorf(d.Pos, "failed find file associated with @unload %s", d.Arg)
			break
		}
		if info, err := os.Stat(p); err == nil {
			if info.IsDir() {
				if pkg, err := os.Stat(p + "/__load__.bro"); err == nil {
					info = pkg
				}
			}
			l.seen = append(l.seen, info)
		}
	case "@prefixes":
		op, value, _ := strings.Cut(d.Arg, "=")
		value = strings.TrimLeft(value, " \t")
		if strings.TrimSpace(op) != "+" {
			l.prefixes = l.prefixes[:1] // keep the empty prefix
		}
		l.prefixes = append(l.prefixes, strings.Split(value, ":")...)
	}
	// @load-plugin names a compiled plugin and @deprecated only warns in
	// later versions; neither changes what is loaded here.
	return nil
}

func (l *Loader) errorf(pos ast.Pos, format string, args ...any) {
	l.errs = append(l.errs, &scanner.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// find resolves a script name as Bro does: an absolute name as it is; a
// name starting with '.' in the directory of the file being read; any other
// name in each BROPATH entry in turn. In a directory the name with the
// extension wins over the bare name. It returns "" if nothing is found.
func (l *Loader) find(name, ext, from string) string {
	if name == "" {
		return ""
	}
	if name[0] == '/' {
		if readable(name) {
			return name
		}
		return ""
	}
	dirs := l.path
	if name[0] == '.' {
		dir := "."
		if from != "" {
			dir = dirname(from)
		}
		dirs = []string{dir}
	}
	for _, dir := range dirs {
		base := dir + "/" + name
		if ext != "" && readable(base+"."+ext) {
			return base + "." + ext
		}
		if readable(base) {
			return base
		}
	}
	return ""
}

// dirname is the directory part of a path as POSIX dirname(3) gives it,
// which Bro uses for names starting with '.': unlike filepath.Dir it does
// not clean the path, so "././pkg/__load__.bro" gives "././pkg" and the
// names of the files loaded from there keep the prefix.
func dirname(path string) string {
	p := strings.TrimRight(path, "/")
	if p == "" {
		if path == "" {
			return "."
		}
		return "/"
	}
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "."
	}
	p = strings.TrimRight(p[:i], "/")
	if p == "" {
		return "/"
	}
	return p
}

func readable(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// withoutPathEntry strips the BROPATH entry a loaded file was found in.
func (l *Loader) withoutPathEntry(path string) string {
	clean := filepath.Clean(path)
	for _, dir := range l.path {
		d := filepath.Clean(dir)
		if d == "." {
			if !filepath.IsAbs(clean) {
				return clean
			}
			continue
		}
		if rest, ok := strings.CutPrefix(clean, d+"/"); ok {
			return rest
		}
	}
	return clean
}

// flatten names the prefixed variant of a script: "a/b/c.bro" under
// prefix "p" is "p.a.b.c.bro"; a package's "a/b/__load__.bro" is "p.a.b".
func flatten(name, prefix string) string {
	if filepath.Base(name) == "__load__.bro" {
		name = filepath.Dir(name)
	}
	return prefix + "." + strings.ReplaceAll(name, "/", ".")
}
