package ast

// Walk visits n and, depth first in source order, every node below it.
// If visit returns false for a node, that node's children are skipped.
// Nil nodes are not visited.
func Walk(n Node, visit func(Node) bool) {
	if isNil(n) || !visit(n) {
		return
	}
	walkChildren(n, visit)
}

// isNil reports whether n is nil or a typed nil pointer.
func isNil(n Node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *Type:
		return n == nil
	case *BlockStmt:
		return n == nil
	case *FuncParams:
		return n == nil
	case *Init:
		return n == nil
	case *EventCall:
		return n == nil
	case *WhenStmt:
		return n == nil
	}
	return false
}

func walkList[T Node](list []T, visit func(Node) bool) {
	for _, n := range list {
		Walk(n, visit)
	}
}

func walkChildren(n Node, visit func(Node) bool) {
	switch n := n.(type) {
	// declarations
	case *ExportDecl:
		walkList(n.Decls, visit)
	case *VarDecl:
		Walk(n.Type, visit)
		Walk(n.Init, visit)
		walkList(n.Attrs, visit)
	case *Init:
		walkList(n.Elems, visit)
	case *TypeDecl:
		Walk(n.Type, visit)
		walkList(n.Attrs, visit)
	case *RedefEnumDecl:
		walkList(n.Values, visit)
	case *RedefRecordDecl:
		walkList(n.Fields, visit)
		walkList(n.Attrs, visit)
	case *FuncDecl:
		Walk(n.Params, visit)
		walkList(n.Attrs, visit)
		Walk(n.Body, visit)
	case *StmtDecl:
		Walk(n.Stmt, visit)

	// types
	case *Type:
		switch {
		case n.Table != nil:
			Walk(n.Table, visit)
		case n.Set != nil:
			Walk(n.Set, visit)
		case n.Record != nil:
			Walk(n.Record, visit)
		case n.Union != nil:
			Walk(n.Union, visit)
		case n.Enum != nil:
			Walk(n.Enum, visit)
		case n.List != nil:
			Walk(n.List, visit)
		case n.Vector != nil:
			Walk(n.Vector, visit)
		case n.Func != nil:
			Walk(n.Func, visit)
		case n.File != nil:
			Walk(n.File, visit)
		}
	case *TableType:
		walkList(n.Index, visit)
		Walk(n.Yield, visit)
	case *SetType:
		walkList(n.Index, visit)
	case *RecordType:
		walkList(n.Fields, visit)
	case *Field:
		Walk(n.Type, visit)
		walkList(n.Attrs, visit)
	case *UnionType:
		walkList(n.Types, visit)
	case *EnumType:
		walkList(n.Values, visit)
	case *EnumValue:
		Walk(n.Value, visit)
	case *ListType:
		Walk(n.Elem, visit)
	case *VectorType:
		Walk(n.Elem, visit)
	case *FuncType:
		Walk(n.Params, visit)
	case *FileType:
		Walk(n.Elem, visit)
	case *FuncParams:
		walkList(n.Params, visit)
		Walk(n.Result, visit)
	case *Param:
		Walk(n.Type, visit)
		walkList(n.Attrs, visit)
	case *Attr:
		Walk(n.Value, visit)

	// statements
	case *PrintStmt:
		walkList(n.Exprs, visit)
	case *EventStmt:
		Walk(n.Event, visit)
	case *EventCall:
		walkList(n.Args, visit)
	case *IfStmt:
		Walk(n.Cond, visit)
		Walk(n.Then, visit)
		Walk(n.Else, visit)
	case *SwitchStmt:
		Walk(n.Expr, visit)
		walkList(n.Cases, visit)
	case *Case:
		walkList(n.Types, visit)
		walkList(n.Values, visit)
		walkList(n.Body, visit)
	case *TypeCase:
		Walk(n.Type, visit)
	case *ForStmt:
		Walk(n.Expr, visit)
		Walk(n.Body, visit)
	case *WhileStmt:
		Walk(n.Cond, visit)
		Walk(n.Body, visit)
	case *ReturnStmt:
		Walk(n.When, visit)
		Walk(n.Result, visit)
	case *AddStmt:
		Walk(n.Expr, visit)
	case *DeleteStmt:
		Walk(n.Expr, visit)
	case *WhenStmt:
		Walk(n.Cond, visit)
		Walk(n.Body, visit)
		Walk(n.Timeout, visit)
		Walk(n.OnTime, visit)
	case *BlockStmt:
		walkList(n.Stmts, visit)
	case *ExprStmt:
		Walk(n.Expr, visit)

	// expressions
	case *Unary:
		Walk(n.X, visit)
	case *Binary:
		Walk(n.X, visit)
		Walk(n.Y, visit)
	case *Assign:
		Walk(n.X, visit)
		Walk(n.Y, visit)
	case *Cond:
		Walk(n.Cond, visit)
		Walk(n.Then, visit)
		Walk(n.Else, visit)
	case *Call:
		Walk(n.Fun, visit)
		walkList(n.Args, visit)
	case *Index:
		Walk(n.X, visit)
		walkList(n.Indices, visit)
	case *Slice:
		Walk(n.X, visit)
		Walk(n.Lo, visit)
		Walk(n.Hi, visit)
	case *FieldExpr:
		Walk(n.X, visit)
	case *HasField:
		Walk(n.X, visit)
	case *FieldAssign:
		Walk(n.Value, visit)
	case *Size:
		Walk(n.X, visit)
	case *ListExpr:
		walkList(n.Elems, visit)
	case *Constructor:
		walkList(n.Args, visit)
		walkList(n.Attrs, visit)
	case *CopyExpr:
		Walk(n.X, visit)
	case *Cast:
		Walk(n.X, visit)
		Walk(n.Type, visit)
	case *TypeTest:
		Walk(n.X, visit)
		Walk(n.Type, visit)
	case *FuncLit:
		Walk(n.Params, visit)
		Walk(n.Body, visit)
	case *HookCall:
		Walk(n.Call, visit)
	case *Schedule:
		Walk(n.When, visit)
		Walk(n.Event, visit)
	case *LocalExpr:
		Walk(n.Value, visit)
	case *Paren:
		Walk(n.X, visit)
	}
}
