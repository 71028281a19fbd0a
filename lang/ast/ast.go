// Package ast declares the syntax tree of Bro 2.6 scripts.
//
// Declarations, statements and types are participle grammar structs: their
// struct tags are the grammar, and participle fills in Pos (the position of
// the first token) for every node. Expressions are built by the parser's
// precedence climber and carry their positions the same way. Every node
// implements Node; Walk visits a tree.
package ast

import "github.com/alecthomas/participle/v2/lexer"

// Pos is a position in a script: file name, byte offset, line and column.
type Pos = lexer.Position

// Node is implemented by every node of the tree.
type Node interface {
	// Position returns where the node starts.
	Position() Pos
}

// Decl is a top-level declaration, or a top-level statement (StmtDecl).
type Decl interface {
	Node
	declNode()
}

// Stmt is a statement.
type Stmt interface {
	Node
	stmtNode()
}

// Expr is an expression.
type Expr interface {
	Node
	exprNode()
}

// Docs holds the ## comments before a node and the ##< comments after it.
type Docs struct {
	Before []string
	After  []string
}

// File is one parsed script.
type File struct {
	Name    string
	Summary []string // ##! lines
	Decls   []Decl
}

// ---------------------------------------------------------------------
// Declarations

// ModuleDecl is "module X;".
type ModuleDecl struct {
	Pos  Pos
	Name string `parser:"\"module\" @Ident \";\""`
}

// ExportDecl is "export { ... }". The declaration reader returns it with
// no Decls when the block opens and an ExportEnd when it closes; ParseFile
// gathers the declarations in between into Decls.
type ExportDecl struct {
	Pos   Pos
	Decls []Decl
}

// ExportEnd is the "}" that closes an export block.
type ExportEnd struct {
	Pos Pos
}

// VarDecl declares or redefines a variable: "global", "const", "option"
// and "redef" at the top level, "local" and "const" in bodies.
type VarDecl struct {
	Pos   Pos
	Docs  Docs
	Kind  string  `parser:"@(\"global\" | \"const\" | \"option\" | \"redef\" | \"local\")"`
	Name  string  `parser:"@Ident"`
	Type  *Type   `parser:"(\":\" @@)?"`
	Op    string  `parser:"@(\"=\" | \"+=\" | \"-=\")?"`
	Init  *Init   `parser:"@@?"`
	Attrs []*Attr `parser:"@@* \";\""`
}

// Init is an initializer: an expression or a brace list "{ a, b, }".
type Init struct {
	Pos   Pos
	Brace bool   `parser:"( @\"{\""`
	Elems []Expr `parser:"  ( @@ ( \",\" @@ )* \",\"? )? \"}\" | @@ )"`
}

// TypeDecl is "type X: T attrs;".
type TypeDecl struct {
	Pos   Pos
	Docs  Docs
	Name  string  `parser:"\"type\" @Ident \":\""`
	Type  *Type   `parser:"@@"`
	Attrs []*Attr `parser:"@@* \";\""`
}

// RedefEnumDecl is "redef enum X += { A, B };".
type RedefEnumDecl struct {
	Pos    Pos
	Docs   Docs
	Name   string       `parser:"\"redef\" \"enum\" @Ident \"+=\" \"{\""`
	Values []*EnumValue `parser:"@@ ( \",\" @@ )* \",\"? \"}\" \";\""`
}

// RedefRecordDecl is "redef record X += { fields } attrs;".
type RedefRecordDecl struct {
	Pos    Pos
	Docs   Docs
	Name   string   `parser:"\"redef\" \"record\" @Ident \"+=\" \"{\""`
	Fields []*Field `parser:"@@* \"}\""`
	Attrs  []*Attr  `parser:"@@* \";\""`
}

// FuncDecl is a function, event or hook with a body; Redef marks
// "redef event".
type FuncDecl struct {
	Pos    Pos
	Docs   Docs
	Redef  bool        `parser:"@\"redef\"?"`
	Kind   string      `parser:"@(\"function\" | \"event\" | \"hook\")"`
	Name   string      `parser:"@Ident"`
	Params *FuncParams `parser:"@@"`
	Attrs  []*Attr     `parser:"@@*"`
	Body   *BlockStmt  `parser:"@@"`
}

// StmtDecl is a statement at the top level of a script.
type StmtDecl struct {
	Pos  Pos
	Stmt Stmt
}

// DirectiveDecl is a directive the loader acts on: @load, @load-sigs,
// @load-plugin, @unload, @prefixes, @deprecated, @DEBUG. Text is the
// whole directive as written; Name is its first word, Arg the rest.
type DirectiveDecl struct {
	Pos  Pos
	Name string
	Arg  string
}

func (d *ModuleDecl) Position() Pos      { return d.Pos }
func (d *ExportDecl) Position() Pos      { return d.Pos }
func (d *ExportEnd) Position() Pos       { return d.Pos }
func (d *VarDecl) Position() Pos         { return d.Pos }
func (d *TypeDecl) Position() Pos        { return d.Pos }
func (d *RedefEnumDecl) Position() Pos   { return d.Pos }
func (d *RedefRecordDecl) Position() Pos { return d.Pos }
func (d *FuncDecl) Position() Pos        { return d.Pos }
func (d *StmtDecl) Position() Pos        { return d.Pos }
func (d *DirectiveDecl) Position() Pos   { return d.Pos }
func (i *Init) Position() Pos            { return i.Pos }

func (*ModuleDecl) declNode()      {}
func (*ExportDecl) declNode()      {}
func (*ExportEnd) declNode()       {}
func (*VarDecl) declNode()         {}
func (*TypeDecl) declNode()        {}
func (*RedefEnumDecl) declNode()   {}
func (*RedefRecordDecl) declNode() {}
func (*FuncDecl) declNode()        {}
func (*StmtDecl) declNode()        {}
func (*DirectiveDecl) declNode()   {}

// ---------------------------------------------------------------------
// Types

// Type is a type expression. Exactly one of its alternatives is set.
type Type struct {
	Pos Pos
	// The alternatives are tried in this order, the common ones first:
	// each failed one costs the parser an allocation.
	Basic  string      `parser:"  @(\"bool\" | \"int\" | \"count\" | \"counter\" | \"double\" | \"time\" | \"interval\" | \"string\" | \"pattern\" | \"timer\" | \"port\" | \"addr\" | \"subnet\" | \"any\")"`
	Name   string      `parser:"| @Ident"`
	Func   *FuncType   `parser:"| @@"`
	Table  *TableType  `parser:"| @@"`
	Set    *SetType    `parser:"| @@"`
	Vector *VectorType `parser:"| @@"`
	Record *RecordType `parser:"| @@"`
	Enum   *EnumType   `parser:"| @@"`
	File   *FileType   `parser:"| @@"`
	Opaque string      `parser:"| \"opaque\" \"of\" @Ident"`
	Union  *UnionType  `parser:"| @@"`
	List   *ListType   `parser:"| @@"`
}

// TableType is "table[K, ...] of V".
type TableType struct {
	Pos   Pos
	Index []*Type `parser:"\"table\" \"[\" @@ ( \",\" @@ )* \"]\""`
	Yield *Type   `parser:"\"of\" @@"`
}

// SetType is "set[K, ...]".
type SetType struct {
	Pos   Pos
	Index []*Type `parser:"\"set\" \"[\" @@ ( \",\" @@ )* \"]\""`
}

// RecordType is "record { fields }".
type RecordType struct {
	Pos    Pos
	Fields []*Field `parser:"\"record\" \"{\" @@* \"}\""`
}

// Field is one record field, "name: T attrs;".
type Field struct {
	Pos   Pos
	Docs  Docs
	Name  string  `parser:"@Ident \":\""`
	Type  *Type   `parser:"@@"`
	Attrs []*Attr `parser:"@@* \";\""`
}

// UnionType is the obsolete "union { T, ... }".
type UnionType struct {
	Pos   Pos
	Types []*Type `parser:"\"union\" \"{\" @@ ( \",\" @@ )* \"}\""`
}

// EnumType is "enum { A, B = 3, }".
type EnumType struct {
	Pos    Pos
	Values []*EnumValue `parser:"\"enum\" \"{\" @@ ( \",\" @@ )* \",\"? \"}\""`
}

// EnumValue is one enum name, with an optional explicit value.
type EnumValue struct {
	Pos   Pos
	Docs  Docs
	Name  string `parser:"@Ident"`
	Value Expr   `parser:"( \"=\" @@ )?"`
	// Deprecated marks a constant declared &deprecated: each use of it
	// draws a warning.
	Deprecated bool `parser:"@\"&deprecated\"?"`
}

// ListType is "list" or "list of T".
type ListType struct {
	Pos  Pos
	Elem *Type `parser:"\"list\" ( \"of\" @@ )?"`
}

// VectorType is "vector of T".
type VectorType struct {
	Pos  Pos
	Elem *Type `parser:"\"vector\" \"of\" @@"`
}

// FuncType is "function(params): R", "event(params)" or "hook(params)".
type FuncType struct {
	Pos    Pos
	Kind   string      `parser:"@(\"function\" | \"event\" | \"hook\")"`
	Params *FuncParams `parser:"@@"`
}

// FileType is "file" or "file of T".
type FileType struct {
	Pos  Pos
	Elem *Type `parser:"\"file\" ( \"of\" @@ )?"`
}

// FuncParams is a parameter list with an optional result type.
type FuncParams struct {
	Pos    Pos
	Params []*Param `parser:"\"(\" ( @@ ( ( \",\" | \";\" ) @@ )* \";\"? )? \")\""`
	Result *Type    `parser:"( \":\" @@ )?"`
}

// Param is one formal parameter, "name: T attrs".
type Param struct {
	Pos   Pos
	Docs  Docs
	Name  string  `parser:"@Ident \":\""`
	Type  *Type   `parser:"@@"`
	Attrs []*Attr `parser:"@@*"`
}

// Attr is an attribute, "&name" or "&name = expr".
type Attr struct {
	Pos   Pos
	Name  string `parser:"@Attr"`
	Value Expr   `parser:"( \"=\" @@ )?"`
}

func (t *Type) Position() Pos       { return t.Pos }
func (t *TableType) Position() Pos  { return t.Pos }
func (t *SetType) Position() Pos    { return t.Pos }
func (t *RecordType) Position() Pos { return t.Pos }
func (f *Field) Position() Pos      { return f.Pos }
func (t *UnionType) Position() Pos  { return t.Pos }
func (t *EnumType) Position() Pos   { return t.Pos }
func (v *EnumValue) Position() Pos  { return v.Pos }
func (t *ListType) Position() Pos   { return t.Pos }
func (t *VectorType) Position() Pos { return t.Pos }
func (t *FuncType) Position() Pos   { return t.Pos }
func (t *FileType) Position() Pos   { return t.Pos }
func (p *FuncParams) Position() Pos { return p.Pos }
func (p *Param) Position() Pos      { return p.Pos }
func (a *Attr) Position() Pos       { return a.Pos }

// ---------------------------------------------------------------------
// Statements

// PrintStmt is "print a, b;" (the first expression may be a file).
type PrintStmt struct {
	Pos   Pos
	Exprs []Expr `parser:"\"print\" @@ ( \",\" @@ )* \";\""`
}

// EventStmt is "event e(args);".
type EventStmt struct {
	Pos   Pos
	Event *EventCall `parser:"\"event\" @@ \";\""`
}

// EventCall names an event and its arguments, in "event" and "schedule".
type EventCall struct {
	Pos  Pos
	Name string `parser:"@Ident \"(\""`
	Args []Expr `parser:"( @@ ( \",\" @@ )* )? \")\""`
}

// IfStmt is "if ( c ) s [else s]".
type IfStmt struct {
	Pos  Pos
	Cond Expr `parser:"\"if\" \"(\" @@ \")\""`
	Then Stmt `parser:"@@"`
	Else Stmt `parser:"( \"else\" @@ )?"`
}

// SwitchStmt is "switch e { cases }".
type SwitchStmt struct {
	Pos   Pos
	Expr  Expr    `parser:"\"switch\" @@ \"{\""`
	Cases []*Case `parser:"@@* \"}\""`
}

// Case is one arm of a switch: values, types, or default.
type Case struct {
	Pos     Pos
	Types   []*TypeCase `parser:"( \"case\" ( @@ ( \",\" @@ )*"`
	Values  []Expr      `parser:"         | @@ ( \",\" @@ )* )"`
	Default bool        `parser:"| @\"default\" ) \":\""`
	Body    []Stmt      `parser:"@@*"`
}

// TypeCase is "type T" or "type T as x" in a case label.
type TypeCase struct {
	Pos  Pos
	Type *Type  `parser:"\"type\" @@"`
	As   string `parser:"( \"as\" @Ident )?"`
}

// ForStmt is "for ( x in e )" or "for ( [a, b] in e )"; Bro 2.6 has no
// key-value loops, so "for ( k, v in e )" is a syntax error.
type ForStmt struct {
	Pos       Pos
	Bracketed bool     `parser:"\"for\" \"(\" ( @\"[\""`
	Keys      []string `parser:"  @Ident ( \",\" @Ident )* \"]\" | @Ident )"`
	Expr      Expr     `parser:"\"in\" @@ \")\""`
	Body      Stmt     `parser:"@@"`
}

// WhileStmt is "while ( c ) s".
type WhileStmt struct {
	Pos  Pos
	Cond Expr `parser:"\"while\" \"(\" @@ \")\""`
	Body Stmt `parser:"@@"`
}

// JumpStmt is "next;", "break;" or "fallthrough;".
type JumpStmt struct {
	Pos  Pos
	Kind string `parser:"@(\"next\" | \"break\" | \"fallthrough\") \";\""`
}

// ReturnStmt is "return [e];" or "return when ...".
type ReturnStmt struct {
	Pos    Pos
	When   *WhenStmt `parser:"\"return\" ( @@"`
	Result Expr      `parser:"| @@? \";\" )"`
}

// AddStmt is "add e;"; DeleteStmt is "delete e;".
type AddStmt struct {
	Pos  Pos
	Expr Expr `parser:"\"add\" @@ \";\""`
}

// DeleteStmt is "delete e;".
type DeleteStmt struct {
	Pos  Pos
	Expr Expr `parser:"\"delete\" @@ \";\""`
}

// WhenStmt is "when ( c ) s [timeout t { ... }]".
type WhenStmt struct {
	Pos     Pos
	Cond    Expr       `parser:"\"when\" \"(\" @@ \")\""`
	Body    Stmt       `parser:"@@"`
	Timeout Expr       `parser:"( \"timeout\" @@"`
	OnTime  *BlockStmt `parser:"  @@ )?"`
}

// BlockStmt is "{ stmts }".
type BlockStmt struct {
	Pos   Pos
	Stmts []Stmt `parser:"\"{\" @@* \"}\""`
}

// EmptyStmt is a lone ";".
type EmptyStmt struct {
	Pos  Pos
	Semi bool `parser:"@\";\""`
}

// ExprStmt is an expression used as a statement.
type ExprStmt struct {
	Pos  Pos
	Expr Expr `parser:"@@ \";\""`
}

func (s *PrintStmt) Position() Pos  { return s.Pos }
func (s *EventStmt) Position() Pos  { return s.Pos }
func (e *EventCall) Position() Pos  { return e.Pos }
func (s *IfStmt) Position() Pos     { return s.Pos }
func (s *SwitchStmt) Position() Pos { return s.Pos }
func (c *Case) Position() Pos       { return c.Pos }
func (c *TypeCase) Position() Pos   { return c.Pos }
func (s *ForStmt) Position() Pos    { return s.Pos }
func (s *WhileStmt) Position() Pos  { return s.Pos }
func (s *JumpStmt) Position() Pos   { return s.Pos }
func (s *ReturnStmt) Position() Pos { return s.Pos }
func (s *AddStmt) Position() Pos    { return s.Pos }
func (s *DeleteStmt) Position() Pos { return s.Pos }
func (s *WhenStmt) Position() Pos   { return s.Pos }
func (s *BlockStmt) Position() Pos  { return s.Pos }
func (s *EmptyStmt) Position() Pos  { return s.Pos }
func (s *ExprStmt) Position() Pos   { return s.Pos }

func (*PrintStmt) stmtNode()  {}
func (*EventStmt) stmtNode()  {}
func (*IfStmt) stmtNode()     {}
func (*SwitchStmt) stmtNode() {}
func (*ForStmt) stmtNode()    {}
func (*WhileStmt) stmtNode()  {}
func (*JumpStmt) stmtNode()   {}
func (*ReturnStmt) stmtNode() {}
func (*AddStmt) stmtNode()    {}
func (*DeleteStmt) stmtNode() {}
func (*WhenStmt) stmtNode()   {}
func (*BlockStmt) stmtNode()  {}
func (*EmptyStmt) stmtNode()  {}
func (*ExprStmt) stmtNode()   {}
func (*VarDecl) stmtNode()    {} // "local" and "const" in bodies
