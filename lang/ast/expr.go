package ast

import "github.com/alecthomas/participle/v2/lexer"

// Name is a reference to an identifier, possibly qualified (Foo::bar).
type Name struct {
	Pos  Pos
	Name string
}

// Const is a literal: count, hex count, double, string, pattern, address,
// subnet, port, interval, hostname, bool, or the @DIR and @FILENAME
// directives. Kind is the scanner's token kind and Text the source text;
// for strings Value holds the decoded bytes.
type Const struct {
	Pos   Pos
	Kind  lexer.TokenType
	Text  string
	Value string
}

// Unary is a prefix operator: "!", "~", "-", "+", "++", "--".
type Unary struct {
	Pos Pos
	Op  string
	X   Expr
}

// Binary is an infix operator, "in" and "!in" included.
type Binary struct {
	Pos  Pos
	Op   string
	X, Y Expr
}

// Assign is "=", "+=" or "-=".
type Assign struct {
	Pos  Pos
	Op   string
	X, Y Expr
}

// Cond is "c ? a : b".
type Cond struct {
	Pos              Pos
	Cond, Then, Else Expr
}

// Call is "f(args)".
type Call struct {
	Pos  Pos
	Fun  Expr
	Args []Expr
}

// Index is "x[i, j]".
type Index struct {
	Pos     Pos
	X       Expr
	Indices []Expr
}

// Slice is "x[lo:hi]"; either bound may be nil.
type Slice struct {
	Pos    Pos
	X      Expr
	Lo, Hi Expr
}

// FieldExpr is "x$name".
type FieldExpr struct {
	Pos  Pos
	X    Expr
	Name string
}

// HasField is "x?$name".
type HasField struct {
	Pos  Pos
	X    Expr
	Name string
}

// FieldAssign is "$name = e" in record constructors and argument lists.
type FieldAssign struct {
	Pos   Pos
	Name  string
	Value Expr
}

// Size is "|x|".
type Size struct {
	Pos Pos
	X   Expr
}

// ListExpr is "[a, b]": a record constructor or an index list.
type ListExpr struct {
	Pos   Pos
	Elems []Expr
}

// Constructor is "table(...)", "set(...)", "vector(...)" or
// "record(...)", with the attributes that may follow it.
type Constructor struct {
	Pos   Pos
	Kind  string
	Args  []Expr
	Attrs []*Attr
}

// CopyExpr is "copy(x)".
type CopyExpr struct {
	Pos Pos
	X   Expr
}

// Cast is "x as T".
type Cast struct {
	Pos  Pos
	X    Expr
	Type *Type
}

// TypeTest is "x is T".
type TypeTest struct {
	Pos  Pos
	X    Expr
	Type *Type
}

// FuncLit is an anonymous function, "function(params): R { body }".
type FuncLit struct {
	Pos    Pos
	Params *FuncParams
	Body   *BlockStmt
}

// HookCall is "hook h(args)", which yields a bool.
type HookCall struct {
	Pos  Pos
	Call Expr
}

// Schedule is "schedule t { e(args) }".
type Schedule struct {
	Pos   Pos
	When  Expr
	Event *EventCall
}

// LocalExpr is "local x = e", which declares a local inside a "when"
// condition.
type LocalExpr struct {
	Pos   Pos
	Name  string
	Value Expr
}

// Paren is "(x)", kept so that positions and rendering stay faithful.
type Paren struct {
	Pos Pos
	X   Expr
}

func (e *Name) Position() Pos        { return e.Pos }
func (e *Const) Position() Pos       { return e.Pos }
func (e *Unary) Position() Pos       { return e.Pos }
func (e *Binary) Position() Pos      { return e.Pos }
func (e *Assign) Position() Pos      { return e.Pos }
func (e *Cond) Position() Pos        { return e.Pos }
func (e *Call) Position() Pos        { return e.Pos }
func (e *Index) Position() Pos       { return e.Pos }
func (e *Slice) Position() Pos       { return e.Pos }
func (e *FieldExpr) Position() Pos   { return e.Pos }
func (e *HasField) Position() Pos    { return e.Pos }
func (e *FieldAssign) Position() Pos { return e.Pos }
func (e *Size) Position() Pos        { return e.Pos }
func (e *ListExpr) Position() Pos    { return e.Pos }
func (e *Constructor) Position() Pos { return e.Pos }
func (e *CopyExpr) Position() Pos    { return e.Pos }
func (e *Cast) Position() Pos        { return e.Pos }
func (e *TypeTest) Position() Pos    { return e.Pos }
func (e *FuncLit) Position() Pos     { return e.Pos }
func (e *HookCall) Position() Pos    { return e.Pos }
func (e *Schedule) Position() Pos    { return e.Pos }
func (e *LocalExpr) Position() Pos   { return e.Pos }
func (e *Paren) Position() Pos       { return e.Pos }

func (*Name) exprNode()        {}
func (*Const) exprNode()       {}
func (*Unary) exprNode()       {}
func (*Binary) exprNode()      {}
func (*Assign) exprNode()      {}
func (*Cond) exprNode()        {}
func (*Call) exprNode()        {}
func (*Index) exprNode()       {}
func (*Slice) exprNode()       {}
func (*FieldExpr) exprNode()   {}
func (*HasField) exprNode()    {}
func (*FieldAssign) exprNode() {}
func (*Size) exprNode()        {}
func (*ListExpr) exprNode()    {}
func (*Constructor) exprNode() {}
func (*CopyExpr) exprNode()    {}
func (*Cast) exprNode()        {}
func (*TypeTest) exprNode()    {}
func (*FuncLit) exprNode()     {}
func (*HookCall) exprNode()    {}
func (*Schedule) exprNode()    {}
func (*LocalExpr) exprNode()   {}
func (*Paren) exprNode()       {}

// Unparen returns e with any enclosing parentheses removed.
func Unparen(e Expr) Expr {
	for {
		p, ok := e.(*Paren)
		if !ok {
			return e
		}
		e = p.X
	}
}
