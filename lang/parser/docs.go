package parser

import (
	"sort"

	"gobro/lang/ast"
	"gobro/lang/scanner"
)

// AttachDocs gives doc comments to the nodes they document: a ## comment
// to the declaration, field, enum value or parameter that starts at the
// next token; a ##< comment to the last such node that starts before it;
// ##! lines to the file.
func AttachDocs(f *ast.File, comments []scanner.Comment) {
	if len(comments) == 0 {
		return
	}
	type documented struct {
		off  int
		docs *ast.Docs
	}
	var nodes []documented
	for _, d := range f.Decls {
		ast.Walk(d, func(n ast.Node) bool {
			if docs := docsOf(n); docs != nil {
				nodes = append(nodes, documented{n.Position().Offset, docs})
			}
			return true
		})
	}
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].off < nodes[j].off })
	for _, c := range comments {
		switch c.Kind {
		case scanner.DocSummary:
			f.Summary = append(f.Summary, c.Text)
		case scanner.DocBefore:
			i := sort.Search(len(nodes), func(i int) bool { return nodes[i].off >= c.Next })
			if i < len(nodes) && nodes[i].off == c.Next {
				nodes[i].docs.Before = append(nodes[i].docs.Before, c.Text)
			}
		case scanner.DocAfter:
			i := sort.Search(len(nodes), func(i int) bool { return nodes[i].off >= c.Pos.Offset })
			if i > 0 {
				nodes[i-1].docs.After = append(nodes[i-1].docs.After, c.Text)
			}
		}
	}
}

// docsOf returns the Docs of a node that can be documented, or nil.
func docsOf(n ast.Node) *ast.Docs {
	switch n := n.(type) {
	case *ast.VarDecl:
		return &n.Docs
	case *ast.TypeDecl:
		return &n.Docs
	case *ast.RedefEnumDecl:
		return &n.Docs
	case *ast.RedefRecordDecl:
		return &n.Docs
	case *ast.FuncDecl:
		return &n.Docs
	case *ast.Field:
		return &n.Docs
	case *ast.EnumValue:
		return &n.Docs
	case *ast.Param:
		return &n.Docs
	}
	return nil
}
