package parser

import (
	"fmt"
	"io"
	"math"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"gobro/lang/ast"
	"gobro/lang/scanner"
)

// productions lists every grammar struct the parser is asked for by name,
// so that participle builds them all from one grammar.
type productions struct {
	Module      *ast.ModuleDecl      `parser:"  @@"`
	Var         *ast.VarDecl         `parser:"| @@"`
	Type        *ast.TypeDecl        `parser:"| @@"`
	RedefEnum   *ast.RedefEnumDecl   `parser:"| @@"`
	RedefRecord *ast.RedefRecordDecl `parser:"| @@"`
	Func        *ast.FuncDecl        `parser:"| @@"`
	Print       *ast.PrintStmt       `parser:"| @@"`
	Event       *ast.EventStmt       `parser:"| @@"`
	If          *ast.IfStmt          `parser:"| @@"`
	Switch      *ast.SwitchStmt      `parser:"| @@"`
	For         *ast.ForStmt         `parser:"| @@"`
	While       *ast.WhileStmt       `parser:"| @@"`
	Jump        *ast.JumpStmt        `parser:"| @@"`
	Return      *ast.ReturnStmt      `parser:"| @@"`
	Add         *ast.AddStmt         `parser:"| @@"`
	Delete      *ast.DeleteStmt      `parser:"| @@"`
	When        *ast.WhenStmt        `parser:"| @@"`
	Block       *ast.BlockStmt       `parser:"| @@"`
	Empty       *ast.EmptyStmt       `parser:"| @@"`
	ExprStmt    *ast.ExprStmt        `parser:"| @@"`
	TypeExpr    *ast.Type            `parser:"| @@"`
	Params      *ast.FuncParams      `parser:"| @@"`
	Attr        *ast.Attr            `parser:"| @@"`
	EventCall   *ast.EventCall       `parser:"| @@"`
}

// definition tells participle the token kinds; the parser feeds it tokens
// itself (see Reader), so Lex is only there to satisfy the interface.
type definition struct{}

func (definition) Symbols() map[string]lexer.TokenType { return scanner.Symbols }

func (definition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return scanner.New(filename, src), nil
}

// production is a parser for one grammar struct.
type production[T any] struct{ p *participle.Parser[T] }

// parse parses one T from lex, leaving the tokens after it.
func (pr production[T]) parse(lex *lexer.PeekingLexer) (*T, error) {
	return pr.p.ParseFromLexer(lex, participle.AllowTrailing(true))
}

func productionOf[T any](g *participle.Parser[productions]) production[T] {
	p, err := participle.ParserForProduction[T](g)
	if err != nil {
		panic(fmt.Sprintf("grammar: %v", err))
	}
	return production[T]{p}
}

// The productions, built once. They are set in init because the custom
// expression and statement parsers refer back to them.
var (
	moduleDecl      production[ast.ModuleDecl]
	varDecl         production[ast.VarDecl]
	typeDecl        production[ast.TypeDecl]
	redefEnumDecl   production[ast.RedefEnumDecl]
	redefRecordDecl production[ast.RedefRecordDecl]
	funcDecl        production[ast.FuncDecl]
	printStmt       production[ast.PrintStmt]
	eventStmt       production[ast.EventStmt]
	ifStmt          production[ast.IfStmt]
	switchStmt      production[ast.SwitchStmt]
	forStmt         production[ast.ForStmt]
	whileStmt       production[ast.WhileStmt]
	jumpStmt        production[ast.JumpStmt]
	returnStmt      production[ast.ReturnStmt]
	addStmt         production[ast.AddStmt]
	deleteStmt      production[ast.DeleteStmt]
	whenStmt        production[ast.WhenStmt]
	blockStmt       production[ast.BlockStmt]
	emptyStmt       production[ast.EmptyStmt]
	exprStmt        production[ast.ExprStmt]
	typeExpr        production[ast.Type]
	funcParams      production[ast.FuncParams]
	attr            production[ast.Attr]
	eventCall       production[ast.EventCall]
)

func init() {
	// participle stops a repetition after a million items (a body of a
	// million statements) with a misleading error; the size of a script
	// is bounded where it is read instead.
	participle.MaxIterations = math.MaxInt32
	g := participle.MustBuild[productions](
		participle.Lexer(definition{}),
		participle.ParseTypeWith(parseExpr),
		participle.ParseTypeWith(parseStmt),
		participle.UseLookahead(2),
	)
	moduleDecl = productionOf[ast.ModuleDecl](g)
	varDecl = productionOf[ast.VarDecl](g)
	typeDecl = productionOf[ast.TypeDecl](g)
	redefEnumDecl = productionOf[ast.RedefEnumDecl](g)
	redefRecordDecl = productionOf[ast.RedefRecordDecl](g)
	funcDecl = productionOf[ast.FuncDecl](g)
	printStmt = productionOf[ast.PrintStmt](g)
	eventStmt = productionOf[ast.EventStmt](g)
	ifStmt = productionOf[ast.IfStmt](g)
	switchStmt = productionOf[ast.SwitchStmt](g)
	forStmt = productionOf[ast.ForStmt](g)
	whileStmt = productionOf[ast.WhileStmt](g)
	jumpStmt = productionOf[ast.JumpStmt](g)
	returnStmt = productionOf[ast.ReturnStmt](g)
	addStmt = productionOf[ast.AddStmt](g)
	deleteStmt = productionOf[ast.DeleteStmt](g)
	whenStmt = productionOf[ast.WhenStmt](g)
	blockStmt = productionOf[ast.BlockStmt](g)
	emptyStmt = productionOf[ast.EmptyStmt](g)
	exprStmt = productionOf[ast.ExprStmt](g)
	typeExpr = productionOf[ast.Type](g)
	funcParams = productionOf[ast.FuncParams](g)
	attr = productionOf[ast.Attr](g)
	eventCall = productionOf[ast.EventCall](g)
}

// parseStmt parses one statement, choosing the production by its first
// token. It yields participle.NextMatch where a statement list ends.
func parseStmt(lex *lexer.PeekingLexer) (ast.Stmt, error) {
	tok := lex.Peek()
	if tok.EOF() {
		return nil, participle.NextMatch
	}
	if tok.Type == scanner.Keyword || tok.Type == scanner.Punct {
		switch tok.Value {
		case "}", "case", "default":
			return nil, participle.NextMatch
		case "print":
			return wrap(printStmt.parse(lex))
		case "event":
			return wrap(eventStmt.parse(lex))
		case "if":
			return wrap(ifStmt.parse(lex))
		case "switch":
			return wrap(switchStmt.parse(lex))
		case "for":
			return wrap(forStmt.parse(lex))
		case "while":
			return wrap(whileStmt.parse(lex))
		case "next", "break", "fallthrough":
			return wrap(jumpStmt.parse(lex))
		case "return":
			return wrap(returnStmt.parse(lex))
		case "add":
			return wrap(addStmt.parse(lex))
		case "delete":
			return wrap(deleteStmt.parse(lex))
		case "local", "const":
			return wrap(varDecl.parse(lex))
		case "when":
			return wrap(whenStmt.parse(lex))
		case "{":
			return wrap(blockStmt.parse(lex))
		case ";":
			return wrap(emptyStmt.parse(lex))
		}
	}
	return wrap(exprStmt.parse(lex))
}

// wrap turns a production's result into a Stmt. Once a statement's
// first token has chosen its production, a failure is a syntax error, so
// it aborts the parse (see fatal) rather than letting participle try
// other readings.
func wrap[T any, PT interface {
	*T
	ast.Stmt
}](s *T, err error) (ast.Stmt, error) {
	if err != nil {
		panic(fatal{err})
	}
	return PT(s), nil
}

// fatal carries a syntax error out of the custom productions, through
// participle, to the reader: Bro's parser stops at the first syntax
// error, and participle would otherwise backtrack over it and report a
// shallower one.
type fatal struct{ err error }

// catch recovers a fatal error into *err; other panics go on.
func catch(err *error) {
	if r := recover(); r != nil {
		f, ok := r.(fatal)
		if !ok {
			panic(r)
		}
		*err = f.err
	}
}
