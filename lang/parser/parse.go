// Package parser reads Bro 2.6 script text into the syntax tree of
// package ast.
//
// The grammar is participle's, built from the struct tags in package ast;
// expressions are parsed by a precedence climber plugged into participle
// as a custom production, and statements are dispatched on their first
// token. A Reader hands out one top-level declaration at a time, deciding
// @if conditions as it reaches them; ParseFile and Check read a whole file.
// Errors are reported in Bro's words and form.
package parser

import (
	"sort"

	"gobro/lang/ast"
	"gobro/lang/scanner"
)

// ParseFile parses a whole file, deciding conditions with decide. It
// returns the tree (as far as it got) and every error, in source order.
func ParseFile(filename string, src []byte, decide Decider) (*ast.File, []*scanner.Error) {
	f, r := parseFile(filename, src, decide)
	return f, r.Errors()
}

func parseFile(filename string, src []byte, decide Decider) (*ast.File, *Reader) {
	r := NewReader(filename, src, decide)
	f := &ast.File{Name: filename}
	var open []*ast.ExportDecl // export blocks being filled
	for {
		d, err := r.Next()
		if err != nil {
			break // io.EOF, or a syntax error, which ends the reading
		}
		switch d := d.(type) {
		case *ast.ExportEnd:
			open = open[:len(open)-1]
		case *ast.ExportDecl:
			appendDecl(f, open, d)
			open = append(open, d)
		default:
			appendDecl(f, open, d)
		}
	}
	AttachDocs(f, r.Comments())
	return f, r
}

func appendDecl(f *ast.File, open []*ast.ExportDecl, d ast.Decl) {
	if n := len(open); n > 0 {
		open[n-1].Decls = append(open[n-1].Decls, d)
		return
	}
	f.Decls = append(f.Decls, d)
}

// Check parses a file for syntax alone, loading nothing. Conditions cannot
// be evaluated without loading, so every branch is checked: once taking
// the first branch of every conditional and, if there were any, once
// taking the other. It returns the errors of both readings, each once.
func Check(filename string, src []byte) []*scanner.Error {
	_, r := parseFile(filename, src, Constant(true))
	errs := r.Errors()
	if !r.SawConditional() {
		return errs
	}
	_, more := ParseFile(filename, src, Constant(false))
	seen := map[string]bool{}
	var all []*scanner.Error
	for _, e := range append(errs, more...) {
		if key := e.Error(); !seen[key] {
			seen[key] = true
			all = append(all, e)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Pos.Offset < all[j].Pos.Offset })
	return all
}
