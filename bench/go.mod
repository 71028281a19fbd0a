module gobro/bench

go 1.26

require (
	github.com/yuin/gopher-lua v1.1.2
	github.com/zeromq/goczmq v4.1.0+incompatible
	go.starlark.net v0.0.0-20260908191801-89a6a09411d5
	gobro v0.0.0
)

require (
	github.com/alecthomas/participle/v2 v2.1.4 // indirect
	golang.org/x/sys v0.42.0 // indirect
)

replace gobro => ../
