package parser

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"gobro/lang/ast"
)

// sexpr renders an expression as an S-expression, to check the shape of
// the tree (precedence and associativity) in tests.
func sexpr(e ast.Expr) string {
	switch e := e.(type) {
	case nil:
		return "_"
	case *ast.Name:
		return e.Name
	case *ast.Const:
		return e.Text
	case *ast.Unary:
		return fmt.Sprintf("(%s %s)", e.Op, sexpr(e.X))
	case *ast.Binary:
		return fmt.Sprintf("(%s %s %s)", e.Op, sexpr(e.X), sexpr(e.Y))
	case *ast.Assign:
		return fmt.Sprintf("(%s %s %s)", e.Op, sexpr(e.X), sexpr(e.Y))
	case *ast.Cond:
		return fmt.Sprintf("(? %s %s %s)", sexpr(e.Cond), sexpr(e.Then), sexpr(e.Else))
	case *ast.Call:
		return fmt.Sprintf("(call %s%s)", sexpr(e.Fun), list(e.Args))
	case *ast.Index:
		return fmt.Sprintf("(index %s%s)", sexpr(e.X), list(e.Indices))
	case *ast.Slice:
		return fmt.Sprintf("(slice %s %s %s)", sexpr(e.X), sexpr(e.Lo), sexpr(e.Hi))
	case *ast.FieldExpr:
		return fmt.Sprintf("($ %s %s)", sexpr(e.X), e.Name)
	case *ast.HasField:
		return fmt.Sprintf("(?$ %s %s)", sexpr(e.X), e.Name)
	case *ast.FieldAssign:
		return fmt.Sprintf("($= %s %s)", e.Name, sexpr(e.Value))
	case *ast.Size:
		return fmt.Sprintf("(size %s)", sexpr(e.X))
	case *ast.ListExpr:
		return fmt.Sprintf("(list%s)", list(e.Elems))
	case *ast.Constructor:
		return fmt.Sprintf("(%s%s)%s", e.Kind, list(e.Args), attrs(e.Attrs))
	case *ast.CopyExpr:
		return fmt.Sprintf("(copy %s)", sexpr(e.X))
	case *ast.Cast:
		return fmt.Sprintf("(as %s %s)", sexpr(e.X), typeName(e.Type))
	case *ast.TypeTest:
		return fmt.Sprintf("(is %s %s)", sexpr(e.X), typeName(e.Type))
	case *ast.FuncLit:
		return fmt.Sprintf("(function %d params, %d stmts)", len(e.Params.Params), len(e.Body.Stmts))
	case *ast.HookCall:
		return fmt.Sprintf("(hook %s)", sexpr(e.Call))
	case *ast.Schedule:
		return fmt.Sprintf("(schedule %s %s%s)", sexpr(e.When), e.Event.Name, list(e.Event.Args))
	case *ast.LocalExpr:
		return fmt.Sprintf("(local %s %s)", e.Name, sexpr(e.Value))
	case *ast.Paren:
		return sexpr(e.X)
	}
	return fmt.Sprintf("?%T", e)
}

func list(es []ast.Expr) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString(" " + sexpr(e))
	}
	return b.String()
}

func attrs(as []*ast.Attr) string {
	var b strings.Builder
	for _, a := range as {
		b.WriteString(" " + a.Name)
		if a.Value != nil {
			b.WriteString("=" + sexpr(a.Value))
		}
	}
	return b.String()
}

func typeName(t *ast.Type) string {
	switch {
	case t.Basic != "":
		return t.Basic
	case t.Name != "":
		return t.Name
	case t.Vector != nil:
		return "vector of " + typeName(t.Vector.Elem)
	}
	return "?type"
}

// parseOne parses src, which must hold one top-level statement
// "x = <expr>;" or "print <expr>;", and returns the expression.
func exprOf(t *testing.T, src string) ast.Expr {
	t.Helper()
	f, errs := ParseFile("t.bro", []byte("print "+src+";"), Constant(true))
	if len(errs) > 0 {
		t.Fatalf("%s: %v", src, errs[0])
	}
	return f.Decls[0].(*ast.StmtDecl).Stmt.(*ast.PrintStmt).Exprs[0]
}

func TestPrecedence(t *testing.T) {
	tests := []struct{ src, want string }{
		{"1 + 2 * 3", "(+ 1 (* 2 3))"},
		{"1 - 2 - 3", "(- (- 1 2) 3)"},
		{"a = b = c", "(= a (= b c))"},
		{"a += 1", "(+= a 1)"},
		{"a || b && c", "(|| a (&& b c))"},
		{"a < b == c", "(== (< a b) c)"},
		{"!a in b", "(in (! a) b)"},
		{"a !in b", "(!in a b)"},
		{"-x$y", "(- ($ x y))"},
		{"a + b as count", "(+ a (as b count))"},
		{"x$y as count", "(as ($ x y) count)"},
		{"v is string", "(is v string)"},
		{"c ? a : b ? d : e", "(? c a (? b d e))"},
		{"a ? b : c = 1", "(= (? a b c) 1)"},
		{"f(1, g(2))[3]$x", "($ (index (call f 1 (call g 2)) 3) x)"},
		{"t[1, \"a\"]", "(index t 1 \"a\")"},
		{"s[1:3]", "(slice s 1 3)"},
		{"s[:-1]", "(slice s _ (- 1))"},
		{"s[2:]", "(slice s 2 _)"},
		{"|t| + 1", "(+ (size t) 1)"},
		{"|a + b|", "(size (+ a b))"},
		{"/a/ | /b/", "(| /a/ /b/)"},
		{"/a/ & /b/i", "(& /a/ /b/i)"},
		{"r?$f", "(?$ r f)"},
		{"[$a=1, $b=\"x\"]", "(list ($= a 1) ($= b \"x\"))"},
		{"R($a=1)", "(call R ($= a 1))"},
		{"table([1, 2] = \"x\") &default=\"\"", "(table (= (list 1 2) \"x\")) &default=\"\""},
		{"set(1, 2)", "(set 1 2)"},
		{"vector()", "(vector)"},
		{"copy(r)", "(copy r)"},
		{"hook h(1)", "(hook (call h 1))"},
		{"++i", "(++ i)"},
		{"--t[1]", "(-- (index t 1))"},
		{"schedule 5 secs { e(1, 2) }", "(schedule 5 secs e 1 2)"},
		{"function(a: count): count { return a; }", "(function 1 params, 1 stmts)"},
		{"10.0.0.1 in 10.0.0.0/8", "(in 10.0.0.1 10.0.0.0/8)"},
		{"x / 2 / y", "(/ (/ x 2) y)"},
		{"~a", "(~ a)"},
		{"a ^ b & c | d", "(| (^ a (& b c)) d)"},
		{"@FILENAME", "@FILENAME"},
		{"local r = lookup_addr(a)", "(local r (call lookup_addr a))"},
		{"[$pred(n: Info) = { return T; }, $priority = 10]", "(list ($= pred (function 1 params, 1 stmts)) ($= priority 10))"},
	}
	for _, tt := range tests {
		if got := sexpr(exprOf(t, tt.src)); got != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.src, got, tt.want)
		}
	}
}

// checkErrs returns the error lines Check reports for src.
func checkErrs(src string) string {
	var lines []string
	for _, e := range Check("./t.bro", []byte(src)) {
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"global x = 1\nglobal y = 2;\n", `error in ./t.bro, line 2: syntax error, at or near "global"`},
		{"event e() {\n  print \"a\"\n}\n", `error in ./t.bro, line 3: syntax error, at or near "}"`},
		{"function f() {\n", "error in ./t.bro, line 2: syntax error, at end of file"},
		{"global x: count;\nprint x;\nglobal y: count;\n", `error in ./t.bro, line 3: syntax error, at or near "global"`},
		{"global t = table(1 2);", `error in ./t.bro, line 1: syntax error, at or near "2"`},
		{"type R: record { a: count };", `error in ./t.bro, line 1: syntax error, at or near "}"`},
		{"global x = ;", `error in ./t.bro, line 1: syntax error, at or near ";"`},
		{"global x: count &default = ;", `error in ./t.bro, line 1: syntax error, at or near ";"`},
		{"export { print 1; }", `error in ./t.bro, line 1: syntax error, at or near "print"`},
		{"event e() { local x = [1, 2; }", `error in ./t.bro, line 1: syntax error, at or near ";"`},
		{"}", `error in ./t.bro, line 1: syntax error, at or near "}"`},
		{"@if ( x + ) global a = 1; @endif", `error in ./t.bro, line 1: syntax error, at or near ")"`},
		{"@if ( a b ) global a = 1; @endif", `error in ./t.bro, line 1: syntax error, at or near "b"`},
		{"@ifdef ( a::b c ) @endif", `error in ./t.bro, line 1: syntax error, at or near "c"`},
		{"@endif", "error in ./t.bro, line 1: unbalanced @if... @endif"},
		{"global p = /a;\n", "error in ./t.bro, line 1: unterminated pattern\nerror in ./t.bro, line 2: syntax error, at end of file"},
	}
	for _, tt := range tests {
		if got := checkErrs(tt.src); got != tt.want {
			t.Errorf("%q:\n got  %s\n want %s", tt.src, got, tt.want)
		}
	}
}

// Check takes every branch of every conditional, in two readings.
func TestCheckEveryBranch(t *testing.T) {
	src := "@if ( a )\nglobal x = 1;\n@else\nglobal y = = 2;\n@endif\n@ifndef ( b )\nglobal z = = 3;\n@endif\n"
	want := "error in ./t.bro, line 4: syntax error, at or near \"=\"\nerror in ./t.bro, line 7: syntax error, at or near \"=\""
	if got := checkErrs(src); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// decider records the conditions it is asked and answers from a map.
type decider struct {
	asked   []string
	answers map[string]bool
}

func (d *decider) Decide(c *Condition) (bool, error) {
	key := c.Directive + " " + c.Name
	if c.Expr != nil {
		key = c.Directive + " " + sexpr(c.Expr)
	}
	d.asked = append(d.asked, key)
	return d.answers[key], nil
}

func TestReaderDecidesInOrder(t *testing.T) {
	src := `global a = 1;
@if ( a == 1 )
global b = 2;
@if ( b )
global never = 0;
@else
global c = 3;
@endif
@else
global skipped = 0;
@endif
@ifdef ( c )
global d = 4;
@endif
event e()
	{
	@ifndef ( zz )
	print 1;
	@endif
	}
`
	d := &decider{answers: map[string]bool{"@if (== a 1)": true, "@ifdef c": true, "@ifndef zz": true}}
	r := NewReader("t.bro", []byte(src), d)
	var names []string
	for {
		decl, err := r.Next()
		if err != nil {
			break
		}
		switch decl := decl.(type) {
		case *ast.VarDecl:
			names = append(names, decl.Name)
			// Each condition must have been decided only once the
			// declarations before it were handed out.
			if decl.Name == "a" && len(d.asked) != 0 {
				t.Errorf("condition decided before the declaration preceding it was read")
			}
		case *ast.FuncDecl:
			names = append(names, decl.Kind+" "+decl.Name)
		}
	}
	if errs := r.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	if got, want := strings.Join(names, ","), "a,b,c,d,event e"; got != want {
		t.Errorf("declarations %s, want %s", got, want)
	}
	if got, want := strings.Join(d.asked, ","), "@if (== a 1),@if b,@ifdef c,@ifndef zz"; got != want {
		t.Errorf("asked %s, want %s", got, want)
	}
}

func TestDirectivesAndExports(t *testing.T) {
	src := "@load base/utils/site\nmodule M;\nexport {\n\tglobal x: count;\n\t@load ./other\n}\nglobal y = 1;\n"
	f, errs := ParseFile("t.bro", []byte(src), Constant(true))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.DirectiveDecl:
			got = append(got, d.Name+"("+d.Arg+")")
		case *ast.ModuleDecl:
			got = append(got, "module "+d.Name)
		case *ast.ExportDecl:
			var inner []string
			for _, e := range d.Decls {
				switch e := e.(type) {
				case *ast.VarDecl:
					inner = append(inner, e.Name)
				case *ast.DirectiveDecl:
					inner = append(inner, e.Name+"("+e.Arg+")")
				}
			}
			got = append(got, "export{"+strings.Join(inner, " ")+"}")
		case *ast.VarDecl:
			got = append(got, d.Name)
		}
	}
	want := "@load(base/utils/site) module M export{x @load(./other)} y"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestDocs(t *testing.T) {
	src := `##! The file.
##! Second line.

## A type.
type R: record {
	## Field a.
	a: count; ##< more on a
	b: string; ##< on b
};

## An enum.
type E: enum {
	X, ##< on X
	## before Y
	Y,
};

## A function.
global f: function(
	## param p
	p: count);
const c = 1 &redef; ##< on c
`
	f, errs := ParseFile("t.bro", []byte(src), Constant(true))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := strings.Join(f.Summary, "|"); got != " The file.| Second line." {
		t.Errorf("summary %q", got)
	}
	var got []string
	for _, d := range f.Decls {
		ast.Walk(d, func(n ast.Node) bool {
			if docs := docsOf(n); docs != nil && (len(docs.Before)+len(docs.After) > 0) {
				name := fmt.Sprintf("%T", n)
				got = append(got, fmt.Sprintf("%s%q%q", name[5:], docs.Before, docs.After))
			}
			return true
		})
	}
	want := []string{
		`TypeDecl[" A type."][]`,
		`Field[" Field a."][" more on a"]`,
		`Field[][" on b"]`,
		`TypeDecl[" An enum."][]`,
		`EnumValue[][" on X"]`,
		`EnumValue[" before Y"][]`,
		`VarDecl[" A function."][]`,
		`Param[" param p"][]`,
		`VarDecl[][" on c"]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPositionsOnNodes(t *testing.T) {
	src := "event e()\n\t{\n\tif ( x )\n\t\tprint a + b;\n\t}\n"
	f, errs := ParseFile("t.bro", []byte(src), Constant(true))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	ast.Walk(f.Decls[0], func(n ast.Node) bool {
		p := n.Position()
		if p.Filename != "t.bro" || p.Line == 0 {
			t.Errorf("%T has no position: %+v", n, p)
		}
		got = append(got, fmt.Sprintf("%T@%d:%d", n, p.Line, p.Column))
		return true
	})
	want := "*ast.FuncDecl@1:1 *ast.FuncParams@1:8 *ast.BlockStmt@2:2 *ast.IfStmt@3:2 *ast.Name@3:7 *ast.PrintStmt@4:3 *ast.Binary@4:9 *ast.Name@4:9 *ast.Name@4:13"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// The constructs file in testdata uses every construct of the language.
func TestConstructsFile(t *testing.T) {
	src, err := os.ReadFile("testdata/constructs.bro")
	if err != nil {
		t.Fatal(err)
	}
	if errs := Check("constructs.bro", src); len(errs) > 0 {
		t.Fatal(errs)
	}
}

// Hostile input ends in an error, not a crash or a hang.
func TestHostileInput(t *testing.T) {
	tests := map[string]string{
		"deep parens":  "global x = " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + ";",
		"deep unary":   "global x = " + strings.Repeat("!", 5000) + "T;",
		"deep ifs":     "event e() { " + strings.Repeat("if ( T ) ", 5000) + "print 1; }",
		"long line":    "global x = \"" + strings.Repeat("a", 1<<20) + "\";\n" + strings.Repeat("b", 1<<20),
		"binary":       "\x00\x01\x02\xff\xfe{{{((([[[",
		"braces":       strings.Repeat("}", 1000) + strings.Repeat("{", 1000),
		"quotes":       strings.Repeat("\"\\", 100000),
		"truncated":    "event e(a: count) { local t: table[count] of str",
		"nested anons": "global f = " + strings.Repeat("function() { local g = ", 300) + "1;",
	}
	for name, src := range tests {
		errs := Check("t.bro", []byte(src))
		if name == "long line" {
			continue // valid up to the bare word at the end
		}
		if len(errs) == 0 {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestLongChains covers chains that read flat but nest in the tree:
// "else if" chains and repeated operators are refused past the nesting
// limit with a clear message, shorter ones parse, and a body of more
// than a million statements is not cut short by an iteration limit.
func TestLongChains(t *testing.T) {
	chain := func(n int) string {
		var b strings.Builder
		b.WriteString("event e() { local x = 1; if ( x == 0 ) print 0;\n")
		for i := 1; i < n; i++ {
			fmt.Fprintf(&b, "else if ( x == %d ) { print %d; }\n", i, i)
		}
		b.WriteString("}\n")
		return b.String()
	}
	if errs := checkErrs(chain(900)); errs != "" {
		t.Errorf("900-branch chain: %s", errs)
	}
	if errs, want := checkErrs(chain(150000)), `error in ./t.bro, line 10002: nesting too deep, at or near "else"`; errs != want {
		t.Errorf("150000-branch chain: got %s, want %s", errs, want)
	}
	// Separate if statements in one body, each with a few branches,
	// do not add up to a chain.
	var many strings.Builder
	many.WriteString("event e() { local x = 1;\n")
	for i := 0; i < 1500; i++ {
		fmt.Fprintf(&many, "if ( x == %d ) { print 1; } else if ( x == 2 ) { if ( x == 3 ) print 3; } else { print 4; }\n", i)
	}
	many.WriteString("}\n")
	if errs := checkErrs(many.String()); errs != "" {
		t.Errorf("many short chains: %s", errs)
	}
	if errs, want := checkErrs("global x: any = 1;\nglobal y = x"+strings.Repeat(" as count", 150000)+";\n"), `error in ./t.bro, line 2: expression nested too deeply, at or near "as"`; errs != want {
		t.Errorf("as chain: got %s, want %s", errs, want)
	}
	if errs := checkErrs("global y = 1" + strings.Repeat(" + 1", 5000) + ";\n"); errs != "" {
		t.Errorf("5000-term sum: %s", errs)
	}
	if errs := checkErrs("event e() {\n" + strings.Repeat(";", 1000001) + "\n}\n"); errs != "" {
		t.Errorf("million statements: %s", errs)
	}
}
