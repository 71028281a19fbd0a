package parser

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"gobro/lang/ast"
	"gobro/lang/scanner"
)

// Binding powers, loosest first, from Bro 2.6's precedence table.
const (
	bpNone    = 0
	bpAssign  = 10 // = += -=   (right)
	bpCond    = 20 // ?:        (right)
	bpOr      = 30 // ||
	bpAnd     = 40 // &&
	bpHook    = 50 // hook e
	bpCompare = 60 // < > <= >= == !=
	bpIn      = 70 // in !in
	bpBitOr   = 80 // |
	bpBitXor  = 90 // ^
	bpBitAnd  = 100
	bpAdd     = 110 // + -
	bpMul     = 120 // * / %
	bpIncr    = 130 // ++ -- (prefix)
	bpUnary   = 140 // ! ~ - + (prefix)
	bpPostfix = 150 // f() x[i] x$f x?$f
	bpAs      = 160 // as is
)

// maxExprDepth bounds recursion inside one expression, so that hostile
// input (a megabyte of "!") fails cleanly instead of exhausting the stack.
const maxExprDepth = 2000

// maxChainDepth bounds how deeply a chain of operators read without
// recursion (a + b + c ..., x as t as t ...) may nest the tree it builds:
// the checker and the interpreter walk that tree recursively.
const maxChainDepth = 100000

// infixPower returns the binding power of an infix or postfix operator
// token, or 0 if tok does not continue an expression.
func infixPower(tok *lexer.Token, noPipe bool) int {
	switch tok.Type {
	case scanner.Punct:
		switch tok.Value {
		case "=", "+=", "-=":
			return bpAssign
		case "?":
			return bpCond
		case "||":
			return bpOr
		case "&&":
			return bpAnd
		case "<", ">", "<=", ">=", "==", "!=":
			return bpCompare
		case "|":
			if noPipe {
				return 0
			}
			return bpBitOr
		case "^":
			return bpBitXor
		case "&":
			return bpBitAnd
		case "+", "-":
			return bpAdd
		case "*", "/", "%":
			return bpMul
		case "(", "[", "$", "?$":
			return bpPostfix
		}
		if isNotIn(tok) {
			return bpIn
		}
	case scanner.Keyword:
		switch tok.Value {
		case "in":
			return bpIn
		case "as", "is":
			return bpAs
		}
	}
	return 0
}

// isNotIn reports whether tok is the "!in" operator (blanks allowed inside).
func isNotIn(tok *lexer.Token) bool {
	return tok.Type == scanner.Punct && len(tok.Value) > 2 && tok.Value[0] == '!'
}

// exprParser is a precedence climber over participle's token stream.
type exprParser struct {
	lex    *lexer.PeekingLexer
	noPipe bool // inside |...|, where '|' closes rather than combines
	depth  int
}

// parseExpr is the custom participle production for ast.Expr. Where no
// expression starts it yields participle.NextMatch, unless an assignment
// operator just before demands one; any other failure is fatal.
func parseExpr(lex *lexer.PeekingLexer) (ast.Expr, error) {
	if !startsExpr(lex.Peek()) {
		if c := lex.Cursor(); c > 0 {
			if prev := lex.Range(lexer.RawCursor(c-1), lexer.RawCursor(c)); len(prev) == 1 && prev[0].Type == scanner.Punct {
				switch prev[0].Value {
				case "=", "+=", "-=":
					panic(fatal{&syntaxError{tok: *lex.Peek()}})
				}
			}
		}
		return nil, participle.NextMatch
	}
	p := &exprParser{lex: lex}
	x, err := p.expr(bpNone)
	if err != nil {
		panic(fatal{err})
	}
	return x, nil
}

// startsExpr reports whether tok can begin an expression.
func startsExpr(tok *lexer.Token) bool {
	switch tok.Type {
	case scanner.Ident, scanner.Count, scanner.Hex, scanner.Double,
		scanner.String, scanner.Pattern, scanner.Addr, scanner.Subnet,
		scanner.Port, scanner.Interval, scanner.Hostname, scanner.Bool:
		return true
	case scanner.Directive:
		return tok.Value == "@DIR" || tok.Value == "@FILENAME"
	case scanner.Punct:
		switch tok.Value {
		case "(", "[", "$", "|", "!", "~", "-", "+", "++", "--":
			return true
		}
	case scanner.Keyword:
		switch tok.Value {
		case "copy", "table", "set", "vector", "record", "function", "hook", "schedule", "local":
			return true
		}
	}
	return false
}

// syntaxError reports an unexpected token; the reader renders it in
// Bro's words.
type syntaxError struct {
	tok lexer.Token
	msg string // optional detail replacing "syntax error"
}

func (e *syntaxError) Error() string            { return e.Message() }
func (e *syntaxError) Message() string          { return "syntax error" }
func (e *syntaxError) Position() lexer.Position { return e.tok.Pos }

var _ participle.Error = (*syntaxError)(nil)

func (p *exprParser) fail() error {
	return &syntaxError{tok: *p.lex.Peek()}
}

// accept consumes the next token if it is the punctuation or keyword v.
func (p *exprParser) accept(v string) bool {
	tok := p.lex.Peek()
	if (tok.Type == scanner.Punct || tok.Type == scanner.Keyword) && tok.Value == v {
		p.lex.Next()
		return true
	}
	return false
}

func (p *exprParser) expect(v string) error {
	if !p.accept(v) {
		return p.fail()
	}
	return nil
}

// expr parses an expression whose operators bind tighter than min.
func (p *exprParser) expr(min int) (ast.Expr, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxExprDepth {
		return nil, &syntaxError{tok: *p.lex.Peek(), msg: "expression nested too deeply"}
	}
	x, err := p.prefix()
	if err != nil {
		return nil, err
	}
	for chain := p.depth; ; chain++ {
		tok := p.lex.Peek()
		bp := infixPower(tok, p.noPipe)
		if bp == 0 || bp <= min && !(rightAssoc(bp) && bp == min) {
			return x, nil
		}
		// Each operator applied in this loop nests x one level deeper
		// (x as t as t ..., a + b + c ...), without recursing here but
		// for whatever walks the tree afterwards.
		if chain > maxChainDepth {
			return nil, &syntaxError{tok: *tok, msg: "expression nested too deeply"}
		}
		if x, err = p.infix(x, bp); err != nil {
			return nil, err
		}
	}
}

func rightAssoc(bp int) bool { return bp == bpAssign || bp == bpCond }

// infix parses the operator after x, with binding power bp.
func (p *exprParser) infix(x ast.Expr, bp int) (ast.Expr, error) {
	tok := *p.lex.Next()
	pos := x.Position()
	switch {
	case bp == bpPostfix:
		return p.postfix(x, tok)
	case bp == bpAs:
		t, err := typeExpr.parse(p.lex)
		if err != nil {
			return nil, err
		}
		if tok.Value == "as" {
			return &ast.Cast{Pos: pos, X: x, Type: t}, nil
		}
		return &ast.TypeTest{Pos: pos, X: x, Type: t}, nil
	case bp == bpCond:
		then, err := p.expr(bpNone)
		if err != nil {
			return nil, err
		}
		if err := p.expect(":"); err != nil {
			return nil, err
		}
		els, err := p.expr(bpCond)
		if err != nil {
			return nil, err
		}
		return &ast.Cond{Pos: pos, Cond: x, Then: then, Else: els}, nil
	case bp == bpAssign:
		y, err := p.expr(bpAssign)
		if err != nil {
			return nil, err
		}
		return &ast.Assign{Pos: pos, Op: tok.Value, X: x, Y: y}, nil
	}
	y, err := p.expr(bp)
	if err != nil {
		return nil, err
	}
	op := tok.Value
	if isNotIn(&tok) {
		op = "!in"
	}
	return &ast.Binary{Pos: pos, Op: op, X: x, Y: y}, nil
}

// postfix parses a call, index, slice or field access on x.
func (p *exprParser) postfix(x ast.Expr, tok lexer.Token) (ast.Expr, error) {
	pos := x.Position()
	switch tok.Value {
	case "(":
		args, err := p.list(")")
		if err != nil {
			return nil, err
		}
		return &ast.Call{Pos: pos, Fun: x, Args: args}, nil
	case "$", "?$":
		name := p.lex.Peek()
		if name.Type != scanner.Ident {
			return nil, p.fail()
		}
		p.lex.Next()
		if tok.Value == "$" {
			return &ast.FieldExpr{Pos: pos, X: x, Name: name.Value}, nil
		}
		return &ast.HasField{Pos: pos, X: x, Name: name.Value}, nil
	}
	// "[": an index list or a slice.
	saved := p.noPipe
	p.noPipe = false
	defer func() { p.noPipe = saved }()
	var lo ast.Expr
	if !p.accept(":") {
		first, err := p.expr(bpNone)
		if err != nil {
			return nil, err
		}
		if !p.accept(":") {
			indices := []ast.Expr{first}
			for p.accept(",") {
				e, err := p.expr(bpNone)
				if err != nil {
					return nil, err
				}
				indices = append(indices, e)
			}
			if err := p.expect("]"); err != nil {
				return nil, err
			}
			return &ast.Index{Pos: pos, X: x, Indices: indices}, nil
		}
		lo = first
	}
	var hi ast.Expr
	if !p.accept("]") {
		e, err := p.expr(bpNone)
		if err != nil {
			return nil, err
		}
		if err := p.expect("]"); err != nil {
			return nil, err
		}
		hi = e
	}
	return &ast.Slice{Pos: pos, X: x, Lo: lo, Hi: hi}, nil
}

// list parses comma-separated expressions up to the closing token.
func (p *exprParser) list(closing string) ([]ast.Expr, error) {
	saved := p.noPipe
	p.noPipe = false
	defer func() { p.noPipe = saved }()
	var out []ast.Expr
	if p.accept(closing) {
		return out, nil
	}
	for {
		e, err := p.expr(bpNone)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
		if p.accept(closing) {
			return out, nil
		}
		if err := p.expect(","); err != nil {
			return nil, err
		}
	}
}

// fieldFunc parses the rest of "$name(params) = { body }".
func (p *exprParser) fieldFunc(pos ast.Pos, name string) (ast.Expr, error) {
	fpos := p.lex.Peek().Pos
	params, err := funcParams.parse(p.lex)
	if err != nil {
		return nil, err
	}
	if err := p.expect("="); err != nil {
		return nil, err
	}
	body, err := blockStmt.parse(p.lex)
	if err != nil {
		return nil, err
	}
	return &ast.FieldAssign{Pos: pos, Name: name, Value: &ast.FuncLit{Pos: fpos, Params: params, Body: body}}, nil
}

// binding parses "name = e", the tail of "$name = e" and "local name = e".
func (p *exprParser) binding() (string, ast.Expr, error) {
	name := p.lex.Peek()
	if name.Type != scanner.Ident {
		return "", nil, p.fail()
	}
	p.lex.Next()
	if err := p.expect("="); err != nil {
		return "", nil, err
	}
	v, err := p.expr(bpAssign)
	return name.Value, v, err
}

// prefix parses an operand with its prefix operators.
func (p *exprParser) prefix() (ast.Expr, error) {
	tok := *p.lex.Peek()
	pos := tok.Pos
	switch tok.Type {
	case scanner.Ident:
		p.lex.Next()
		return &ast.Name{Pos: pos, Name: tok.Value}, nil
	case scanner.Count, scanner.Hex, scanner.Double, scanner.Pattern,
		scanner.Addr, scanner.Subnet, scanner.Port, scanner.Interval,
		scanner.Hostname, scanner.Bool:
		p.lex.Next()
		return &ast.Const{Pos: pos, Kind: tok.Type, Text: tok.Value}, nil
	case scanner.String:
		p.lex.Next()
		return &ast.Const{Pos: pos, Kind: tok.Type, Text: tok.Value, Value: scanner.Unquote(tok.Value)}, nil
	case scanner.Directive:
		if tok.Value == "@DIR" || tok.Value == "@FILENAME" {
			p.lex.Next()
			return &ast.Const{Pos: pos, Kind: tok.Type, Text: tok.Value}, nil
		}
	case scanner.Punct:
		return p.prefixPunct(tok)
	case scanner.Keyword:
		return p.prefixKeyword(tok)
	}
	return nil, p.fail()
}

func (p *exprParser) prefixPunct(tok lexer.Token) (ast.Expr, error) {
	pos := tok.Pos
	switch tok.Value {
	case "(":
		p.lex.Next()
		saved := p.noPipe
		p.noPipe = false
		x, err := p.expr(bpNone)
		p.noPipe = saved
		if err != nil {
			return nil, err
		}
		if err := p.expect(")"); err != nil {
			return nil, err
		}
		return &ast.Paren{Pos: pos, X: x}, nil
	case "[":
		p.lex.Next()
		elems, err := p.list("]")
		if err != nil {
			return nil, err
		}
		return &ast.ListExpr{Pos: pos, Elems: elems}, nil
	case "$":
		p.lex.Next()
		if name := p.lex.Peek(); name.Type == scanner.Ident {
			// "$f(params) = { body }" assigns an anonymous function.
			cp := p.lex.MakeCheckpoint()
			p.lex.Next()
			if open := p.lex.Peek(); open.Type == scanner.Punct && open.Value == "(" {
				return p.fieldFunc(pos, name.Value)
			}
			p.lex.LoadCheckpoint(cp)
		}
		name, v, err := p.binding()
		if err != nil {
			return nil, err
		}
		return &ast.FieldAssign{Pos: pos, Name: name, Value: v}, nil
	case "|":
		p.lex.Next()
		saved := p.noPipe
		p.noPipe = true
		x, err := p.expr(bpNone)
		p.noPipe = saved
		if err != nil {
			return nil, err
		}
		if err := p.expect("|"); err != nil {
			return nil, err
		}
		return &ast.Size{Pos: pos, X: x}, nil
	case "!", "~", "-", "+":
		p.lex.Next()
		x, err := p.expr(bpUnary)
		if err != nil {
			return nil, err
		}
		return &ast.Unary{Pos: pos, Op: tok.Value, X: x}, nil
	case "++", "--":
		p.lex.Next()
		x, err := p.expr(bpIncr)
		if err != nil {
			return nil, err
		}
		return &ast.Unary{Pos: pos, Op: tok.Value, X: x}, nil
	}
	return nil, p.fail()
}

func (p *exprParser) prefixKeyword(tok lexer.Token) (ast.Expr, error) {
	pos := tok.Pos
	switch tok.Value {
	case "copy":
		p.lex.Next()
		if err := p.expect("("); err != nil {
			return nil, err
		}
		args, err := p.list(")")
		if err != nil {
			return nil, err
		}
		if len(args) != 1 {
			return nil, &syntaxError{tok: tok}
		}
		return &ast.CopyExpr{Pos: pos, X: args[0]}, nil
	case "table", "set", "vector", "record":
		p.lex.Next()
		if err := p.expect("("); err != nil {
			return nil, err
		}
		args, err := p.list(")")
		if err != nil {
			return nil, err
		}
		c := &ast.Constructor{Pos: pos, Kind: tok.Value, Args: args}
		// Only table() and set() take attributes; after vector() or
		// record() they belong to the enclosing declaration.
		for (tok.Value == "table" || tok.Value == "set") && p.lex.Peek().Type == scanner.Attr {
			a, err := attr.parse(p.lex)
			if err != nil {
				return nil, err
			}
			c.Attrs = append(c.Attrs, a)
		}
		return c, nil
	case "function":
		p.lex.Next()
		params, err := funcParams.parse(p.lex)
		if err != nil {
			return nil, err
		}
		body, err := blockStmt.parse(p.lex)
		if err != nil {
			return nil, err
		}
		return &ast.FuncLit{Pos: pos, Params: params, Body: body}, nil
	case "local":
		p.lex.Next()
		name, v, err := p.binding()
		if err != nil {
			return nil, err
		}
		return &ast.LocalExpr{Pos: pos, Name: name, Value: v}, nil
	case "hook":
		p.lex.Next()
		x, err := p.expr(bpHook)
		if err != nil {
			return nil, err
		}
		return &ast.HookCall{Pos: pos, Call: x}, nil
	case "schedule":
		p.lex.Next()
		when, err := p.expr(bpNone)
		if err != nil {
			return nil, err
		}
		if err := p.expect("{"); err != nil {
			return nil, err
		}
		ev, err := eventCall.parse(p.lex)
		if err != nil {
			return nil, err
		}
		if err := p.expect("}"); err != nil {
			return nil, err
		}
		return &ast.Schedule{Pos: pos, When: when, Event: ev}, nil
	}
	return nil, p.fail()
}
