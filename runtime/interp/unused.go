package interp

import (
	"strings"

	"gobro/lang/ast"
	"gobro/runtime/types"
)

// coreDeclared tells whether a declaration stands among the builtins'
// (scripts/base/bif/, or init-bare.bro for bro_init and bro_done): the
// events declared there are raised by the engine or by builtins, as the
// events of Bro's .bif files are, and count as used from the start.
func coreDeclared(pos ast.Pos) bool {
	f := pos.Filename
	return strings.Contains(f, "base/bif/") || strings.HasSuffix(f, "base/init-bare.bro")
}

// warnUnusedHandlers warns, when check_for_unused_event_handlers is set,
// of each event that has handlers but that nothing raises, as Bro does at
// start-up ("event handler never invoked"). Bro lists them in the order
// of its hash table; gobro by name.
func (in *Interp) warnUnusedHandlers() {
	if !in.boolGlobal("check_for_unused_event_handlers") {
		return
	}
	in.Globals(func(g *Global) {
		ft, ok := g.Type.(*types.FuncType)
		if !ok || ft.Flavor != types.FlavorEvent || g.Handler == nil {
			return
		}
		if len(g.Handler.bodies) > 0 && !g.Handler.used {
			in.report(ReportWarning, "", "", "event handler never invoked: "+g.Name)
		}
	})
}
