module gobro

go 1.26

require (
	github.com/alecthomas/participle/v2 v2.1.4
	github.com/gabriel-vasile/mimetype v1.4.16
)
