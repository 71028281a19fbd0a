package parser

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"gobro/lang/ast"
	"gobro/lang/scanner"
)

// Condition is an @if, @ifdef or @ifndef the reader needs decided.
type Condition struct {
	Pos       ast.Pos
	Directive string   // "@if", "@ifdef" or "@ifndef"
	Expr      ast.Expr // for @if
	Name      string   // for @ifdef and @ifndef
	// Locals are the local names (parameters and locals declared so
	// far) of the function body the condition stands in, if any.
	Locals []string
}

// Decider decides conditions as they are reached, with whatever state
// exists at that point; it returns true to take the first branch.
type Decider interface {
	Decide(c *Condition) (bool, error)
}

// Constant is a Decider that answers every condition the same way.
type Constant bool

// Decide returns the constant.
func (c Constant) Decide(*Condition) (bool, error) { return bool(c), nil }

// maxWiden bounds how often one chunk is widened past a "}" that turned
// out not to end it; real scripts need it once or twice.
const maxWiden = 64

// maxNesting bounds how deeply brackets and bodiless statements may nest
// within one declaration, so that hostile input cannot exhaust the stack.
const maxNesting = 1000

// maxElseChain bounds the links of one "else if" chain, each of which the
// parser reads one level deeper.
const maxElseChain = 10000

// Reader reads a script one top-level declaration at a time, the way Bro
// applies declarations as it parses them: conditions are decided (through
// the Decider) when the reader reaches them, so a loader that applies each
// declaration before asking for the next one sees Bro's order of events.
//
// Next returns, in source order, *ast.ModuleDecl, *ast.ExportDecl (empty:
// the block opens) and *ast.ExportEnd, *ast.VarDecl, *ast.TypeDecl,
// *ast.RedefEnumDecl, *ast.RedefRecordDecl, *ast.FuncDecl,
// *ast.DirectiveDecl and, once the first top-level statement is read,
// only *ast.StmtDecl and directives: as in Bro, statements at the top
// level come after all declarations.
type Reader struct {
	sc      *scanner.Scanner
	decide  Decider
	ahead   []lexer.Token        // preprocessed tokens read ahead
	pending []*ast.DirectiveDecl // directives met inside a declaration
	errs    []*scanner.Error
	ifDepth int  // open @if branches being taken
	exports int  // open export blocks
	stmts   bool // a top-level statement has been read
	done    bool
	sawCond bool
}

// NewReader returns a reader of src, which came from filename.
func NewReader(filename string, src []byte, decide Decider) *Reader {
	return &Reader{sc: scanner.New(filename, src), decide: decide}
}

// Comments returns the doc comments read so far.
func (r *Reader) Comments() []scanner.Comment { return r.sc.Comments() }

// Errors returns every error found so far, scanner errors included, in
// source order. A syntax error ends the reading, as in Bro.
func (r *Reader) Errors() []*scanner.Error {
	all := append(append([]*scanner.Error(nil), r.sc.Errors()...), r.errs...)
	sort.SliceStable(all, func(i, j int) bool { return all[i].Pos.Offset < all[j].Pos.Offset })
	return all
}

// SawConditional reports whether the text had an @if, @ifdef or @ifndef.
func (r *Reader) SawConditional() bool { return r.sawCond }

func (r *Reader) errorf(pos ast.Pos, format string, args ...any) {
	r.errs = append(r.errs, &scanner.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// syntaxErrorAt records Bro's syntax error message for tok and stops.
func (r *Reader) syntaxErrorAt(tok lexer.Token, detail string) error {
	msg := "syntax error"
	if detail != "" {
		msg = detail
	}
	if tok.EOF() {
		msg += ", at end of file"
	} else {
		msg += fmt.Sprintf(", at or near \"%s\"", tok.Value)
	}
	e := &scanner.Error{Pos: tok.Pos, Msg: msg}
	r.errs = append(r.errs, e)
	r.done = true
	return e
}

// pull returns the next token after preprocessing: conditionals decided
// and skipped. Loader directives (@load and the like) come through as
// Directive tokens, and pull reads nothing past one, so that the loader
// can act on it before any later condition is decided.
func (r *Reader) pull() (lexer.Token, error) {
	for {
		tok, _ := r.sc.Next()
		if tok.Type != scanner.Directive {
			return tok, nil
		}
		switch tok.Value {
		case "@DIR", "@FILENAME":
			return tok, nil
		case "@DEBUG":
			continue
		case "@if", "@ifdef", "@ifndef":
			if err := r.conditional(tok); err != nil {
				return tok, err
			}
		case "@else":
			if r.ifDepth == 0 {
				r.errorf(tok.Pos, "@else without @if")
				r.ifDepth++
			}
			r.skip()
		case "@endif":
			if r.ifDepth == 0 {
				r.errorf(tok.Pos, "unbalanced @if... @endif")
				continue
			}
			r.ifDepth--
		default:
			return tok, nil
		}
	}
}

// isLoaderDirective reports whether tok is a directive for the loader.
func isLoaderDirective(tok lexer.Token) bool {
	return tok.Type == scanner.Directive && tok.Value != "@DIR" && tok.Value != "@FILENAME"
}

// directiveDecl turns a loader directive token into its declaration.
func directiveDecl(tok lexer.Token) *ast.DirectiveDecl {
	name, arg := tok.Value, ""
	if i := strings.IndexAny(tok.Value, " \t"); i >= 0 {
		name, arg = tok.Value[:i], strings.TrimLeft(tok.Value[i:], " \t")
	}
	return &ast.DirectiveDecl{Pos: tok.Pos, Name: name, Arg: arg}
}

// skip skips a branch not taken, up to its @else or @endif. A skipped
// @if or @else branch followed by "@else" means the next branch is
// taken; after "@endif" the conditional is closed.
func (r *Reader) skip() {
	if r.sc.SkipBranch() != "@else" {
		r.ifDepth--
	}
}

// conditional reads the condition after an @if, @ifdef or @ifndef, has it
// decided and skips the first branch if it is not taken.
func (r *Reader) conditional(dir lexer.Token) error {
	r.sawCond = true
	open, _ := r.sc.Next()
	if open.Value != "(" || open.Type != scanner.Punct {
		return r.syntaxErrorAt(open, "")
	}
	var toks []lexer.Token
	for depth := 1; ; {
		tok, _ := r.sc.Next()
		if tok.EOF() {
			return r.syntaxErrorAt(tok, "")
		}
		if tok.Type == scanner.Punct {
			switch tok.Value {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			}
		}
		toks = append(toks, tok)
		if depth == 0 {
			toks = append(toks, lexer.Token{Type: scanner.EOF, Pos: endOf(tok)})
			break
		}
	}
	c := &Condition{Pos: dir.Pos, Directive: dir.Value, Locals: localNames(r.ahead)}
	if dir.Value == "@if" {
		lex, _ := lexer.Upgrade(&sliceLexer{toks: toks})
		e, err := parseCondition(lex)
		closing := toks[len(toks)-2]
		if err == nil && lex.Peek().Pos.Offset != closing.Pos.Offset {
			err = &syntaxError{tok: *lex.Peek()}
		}
		if err != nil {
			return r.syntaxErrorAt(r.errorToken(err, toks, lex), "")
		}
		c.Expr = e
	} else {
		if toks[0].Type != scanner.Ident {
			return r.syntaxErrorAt(toks[0], "")
		}
		if len(toks) != 3 {
			return r.syntaxErrorAt(toks[1], "")
		}
		c.Name = toks[0].Value
	}
	take, err := r.decide.Decide(c)
	if err != nil {
		var se *scanner.Error
		if errors.As(err, &se) {
			r.errs = append(r.errs, se)
		} else {
			r.errorf(dir.Pos, "%v", err)
		}
	}
	r.ifDepth++
	if !take {
		r.skip()
	}
	return nil
}

// localNames returns the names that are local at the end of toks, the
// tokens read so far of the declaration a condition stands in: the
// parameters of the functions, events and hooks it opens and the names
// their bodies declare with "local" or "const" or bind in "for" loops.
// As in Bro, a local is known from its declaration to the end of its
// function, whatever block it was declared in.
func localNames(toks []lexer.Token) []string {
	var names []string
	body := 0 // brace depth
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.Type == scanner.Punct && t.Value == "{":
			body++
		case t.Type == scanner.Punct && t.Value == "}":
			body--
		case t.Type == scanner.Keyword && (t.Value == "function" || t.Value == "event" || t.Value == "hook"):
			// The parameter list: "name :" at depth one of the parentheses.
			j := i + 1
			for j < len(toks) && !(toks[j].Type == scanner.Punct && toks[j].Value == "(") {
				if toks[j].Type == scanner.Punct && toks[j].Value != "::" {
					break
				}
				j++
			}
			if j >= len(toks) || toks[j].Value != "(" {
				continue
			}
			depth := 0
			for ; j < len(toks); j++ {
				switch toks[j].Value {
				case "(", "[":
					depth++
				case ")", "]":
					depth--
				}
				if toks[j].Type == scanner.Ident && depth == 1 && j+1 < len(toks) && toks[j+1].Value == ":" {
					names = append(names, toks[j].Value)
				}
				if depth == 0 {
					break
				}
			}
			i = j
		case body > 0 && t.Type == scanner.Keyword && (t.Value == "local" || t.Value == "const"):
			if i+1 < len(toks) && toks[i+1].Type == scanner.Ident {
				names = append(names, toks[i+1].Value)
			}
		case body > 0 && t.Type == scanner.Keyword && t.Value == "for":
			// for ( k in ... ) and for ( [k1, k2] in ... )
			for j := i + 1; j < len(toks) && toks[j].Value != "in"; j++ {
				if toks[j].Type == scanner.Ident {
					names = append(names, toks[j].Value)
				}
			}
		}
	}
	return names
}

// peek returns the i'th token ahead, reading as needed.
func (r *Reader) peek(i int) (lexer.Token, error) {
	for len(r.ahead) <= i {
		if n := len(r.ahead); n > 0 && r.ahead[n-1].EOF() {
			return r.ahead[n-1], nil
		}
		tok, err := r.pull()
		if err != nil {
			return tok, err
		}
		r.ahead = append(r.ahead, tok)
	}
	return r.ahead[i], nil
}

// consume drops the first n tokens read ahead.
func (r *Reader) consume(n int) {
	if n == len(r.ahead) {
		r.ahead = r.ahead[:0] // reuse the buffer rather than creep along it
	} else {
		r.ahead = r.ahead[n:]
	}
}

// chunk kinds: what ends a top-level declaration or statement.
const (
	endsAtSemicolon = iota // module, global, const, option, redef, type
	endsAtBody             // function, event, hook: the body's closing brace
	endsAsStatement        // a statement: ';' or '}' not followed by else/timeout
)

// Next returns the next top-level declaration, or io.EOF after the last.
// After a syntax error it returns that error, then io.EOF.
func (r *Reader) Next() (ast.Decl, error) {
	if r.done {
		return nil, io.EOF
	}
	first, err := r.peek(0)
	if err != nil {
		return nil, err
	}
	if len(r.pending) > 0 {
		d := r.pending[0]
		r.pending = r.pending[1:]
		return d, nil
	}
	if isLoaderDirective(first) {
		r.consume(1)
		return directiveDecl(first), nil
	}
	if first.EOF() {
		if r.exports > 0 {
			return nil, r.syntaxErrorAt(first, "")
		}
		r.done = true
		return nil, io.EOF
	}
	kw := ""
	if first.Type == scanner.Keyword || first.Type == scanner.Punct {
		kw = first.Value
	}
	if r.exports > 0 && kw == "}" {
		r.consume(1)
		r.exports--
		return &ast.ExportEnd{Pos: first.Pos}, nil
	}
	kind := endsAsStatement
	if !r.stmts {
		switch kw {
		case "export":
			open, err := r.peek(1)
			if err != nil {
				return nil, err
			}
			if open.Type != scanner.Punct || open.Value != "{" {
				return nil, r.syntaxErrorAt(open, "")
			}
			r.consume(2)
			r.exports++
			return &ast.ExportDecl{Pos: first.Pos}, nil
		case "module", "global", "const", "option", "type":
			kind = endsAtSemicolon
		case "function", "event", "hook":
			kind = endsAtBody
		case "redef":
			kind = endsAtSemicolon
			if next, _ := r.peek(1); next.Type == scanner.Keyword && next.Value == "event" {
				kind = endsAtBody
			}
		default:
			if r.exports > 0 {
				return nil, r.syntaxErrorAt(first, "")
			}
			r.stmts = true
		}
	}
	return r.parseChunk(kind)
}

// parseChunk gathers the tokens of one declaration or statement and
// parses them. Where a boundary guess was early (a "}" that a ";" still
// follows, say), it widens the chunk to the next boundary and tries again.
// It reads no token past the chunk unless it must: a condition after a
// declaration is decided only once the declaration has been handed out.
func (r *Reader) parseChunk(kind int) (ast.Decl, error) {
	end, atEOF, err := r.boundary(kind, 0)
	if err != nil {
		return nil, err
	}
	for tries := 1; ; tries++ {
		toks := r.ahead[:end:end]
		chunk := append(toks, lexer.Token{Type: scanner.EOF, Pos: endOf(toks[len(toks)-1])})
		decl, lex, perr := parseDecl(kind, chunk)
		if perr == nil && lex.Peek().EOF() {
			r.consume(end)
			return decl, nil
		}
		bad := r.errorToken(perr, chunk, lex)
		if bad.EOF() && !atEOF && tries < maxWiden {
			if end, atEOF, err = r.boundary(kind, end); err != nil {
				return nil, err
			}
			continue
		}
		if bad.EOF() {
			if bad, err = r.peek(end); err != nil {
				return nil, err
			}
		}
		detail := ""
		var se *syntaxError
		if errors.As(perr, &se) {
			detail = se.msg
		}
		return nil, r.syntaxErrorAt(bad, detail)
	}
}

// endOf returns the position just after tok.
func endOf(tok lexer.Token) lexer.Position {
	pos := tok.Pos
	pos.Advance(tok.Value)
	return pos
}

// boundary returns the index just past the chunk that starts at 0 and
// ends after position from, and whether the text ends there.
func (r *Reader) boundary(kind, from int) (int, bool, error) {
	depth, open := 0, 0
	// chains counts, per bracket depth, the "else if" links of the if
	// statement being read there: each link nests the rest of the chain
	// one level deeper in the tree, however flat the text looks.
	var chains []int
	for i := 0; ; i++ {
		tok, err := r.peek(i)
		if err != nil {
			return 0, false, err
		}
		if tok.EOF() {
			return i, true, nil
		}
		if isLoaderDirective(tok) {
			// Met inside a declaration (Next hands out those that stand
			// between declarations): Bro would switch files right there;
			// it is handed out just after the declaration.
			r.pending = append(r.pending, directiveDecl(tok))
			r.ahead = append(r.ahead[:i], r.ahead[i+1:]...)
			i--
			continue
		}
		if tok.Type == scanner.Keyword {
			switch tok.Value {
			case "if", "else", "for", "while", "when":
				open++
			}
			if tok.Value == "else" && depth >= 0 {
				for len(chains) <= depth {
					chains = append(chains, 0)
				}
				chains[depth]++
				if chains[depth] > maxElseChain {
					return 0, false, r.syntaxErrorAt(tok, "nesting too deep")
				}
			}
		}
		if tok.Type != scanner.Punct {
			continue
		}
		switch tok.Value {
		case "(", "[", "{":
			depth++
			if depth > maxNesting {
				return 0, false, r.syntaxErrorAt(tok, "nesting too deep")
			}
		case ")", "]", "}":
			depth--
		}
		if tok.Value == ";" || tok.Value == "}" {
			open = 0
			if depth >= 0 && depth < len(chains) {
				// A statement ends here: unless an else follows, so
				// does the chain being read at this depth.
				next, err := r.peek(i + 1)
				if err != nil {
					return 0, false, err
				}
				if next.Type != scanner.Keyword || next.Value != "else" {
					chains[depth] = 0
				}
			}
		}
		if open > maxNesting {
			return 0, false, r.syntaxErrorAt(tok, "nesting too deep")
		}
		if i < from {
			continue
		}
		switch {
		case depth < 0:
			return i + 1, false, nil
		case depth > 0:
		case kind == endsAtSemicolon && tok.Value == ";",
			kind == endsAtBody && tok.Value == "}":
			return i + 1, false, nil
		case kind == endsAsStatement && (tok.Value == ";" || tok.Value == "}"):
			next, err := r.peek(i + 1)
			if err != nil {
				return 0, false, err
			}
			if next.Type == scanner.Keyword && (next.Value == "else" || next.Value == "timeout") {
				continue
			}
			return i + 1, false, nil
		}
	}
}

// parseDecl parses one chunk with the production its kind and first
// tokens call for.
func parseDecl(kind int, chunk []lexer.Token) (d ast.Decl, lex *lexer.PeekingLexer, err error) {
	lex, _ = lexer.Upgrade(&sliceLexer{toks: chunk})
	defer catch(&err)
	d, err = parseDeclFrom(kind, chunk, lex)
	return d, lex, err
}

// parseCondition parses the expression of an @if.
func parseCondition(lex *lexer.PeekingLexer) (e ast.Expr, err error) {
	defer catch(&err)
	e, err = parseExpr(lex)
	if err == participle.NextMatch {
		err = &syntaxError{tok: *lex.Peek()}
	}
	return e, err
}

func parseDeclFrom(kind int, chunk []lexer.Token, lex *lexer.PeekingLexer) (ast.Decl, error) {
	switch kind {
	case endsAtBody:
		return asDecl(funcDecl.parse(lex))
	case endsAsStatement:
		s, err := parseStmt(lex)
		if err == participle.NextMatch {
			err = &syntaxError{tok: *lex.Peek()}
		}
		if err != nil {
			return nil, err
		}
		return &ast.StmtDecl{Pos: s.Position(), Stmt: s}, nil
	}
	switch chunk[0].Value {
	case "module":
		return asDecl(moduleDecl.parse(lex))
	case "type":
		return asDecl(typeDecl.parse(lex))
	case "redef":
		switch chunk[1].Value {
		case "enum":
			return asDecl(redefEnumDecl.parse(lex))
		case "record":
			return asDecl(redefRecordDecl.parse(lex))
		}
	}
	return asDecl(varDecl.parse(lex))
}

// asDecl turns a production's result into a Decl.
func asDecl[T any, PT interface {
	*T
	ast.Decl
}](v *T, err error) (ast.Decl, error) {
	if err != nil {
		return nil, err
	}
	return PT(v), nil
}

// errorToken finds the token a parse error is about: the token at the
// error's position, or the next unread token.
func (r *Reader) errorToken(err error, toks []lexer.Token, lex *lexer.PeekingLexer) lexer.Token {
	var pe participle.Error
	if errors.As(err, &pe) {
		off := pe.Position().Offset
		i := sort.Search(len(toks), func(i int) bool { return toks[i].EOF() || toks[i].Pos.Offset >= off })
		if i < len(toks) {
			return toks[i]
		}
	}
	if lex != nil {
		return *lex.Peek()
	}
	return toks[len(toks)-1]
}

// sliceLexer hands participle a prepared slice of tokens ending in EOF.
type sliceLexer struct {
	toks []lexer.Token
	i    int
}

func (s *sliceLexer) Next() (lexer.Token, error) {
	if s.i >= len(s.toks) {
		return s.toks[len(s.toks)-1], nil
	}
	t := s.toks[s.i]
	s.i++
	return t, nil
}
