//go:build !no_lua

package bench

import (
	"bytes"
	"io"
	"time"

	lua "github.com/yuin/gopher-lua"
)

func init() { runners["lua"] = runLua }

// runLua compiles the workload, then times its execution. print writes
// to out.
func runLua(name string, src []byte, out io.Writer) (time.Duration, error) {
	L := lua.NewState()
	defer L.Close()
	L.SetGlobal("print", L.NewFunction(func(L *lua.LState) int {
		top := L.GetTop()
		for i := 1; i <= top; i++ {
			if i > 1 {
				io.WriteString(out, "\t")
			}
			io.WriteString(out, L.ToStringMeta(L.Get(i)).String())
		}
		io.WriteString(out, "\n")
		return 0
	}))
	fn, err := L.Load(bytes.NewReader(src), name)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	L.Push(fn)
	err = L.PCall(0, lua.MultRet, nil)
	return time.Since(start), err
}
