module gobro/bench

go 1.26

require gobro v0.0.0

require github.com/alecthomas/participle/v2 v2.1.4 // indirect

replace gobro => ../
