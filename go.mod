module gobro

go 1.26

require (
	github.com/alecthomas/participle/v2 v2.1.4 // indirect
	github.com/zeromq/goczmq v4.1.0+incompatible
)
