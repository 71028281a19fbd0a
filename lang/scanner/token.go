package scanner

import "github.com/alecthomas/participle/v2/lexer"

// Token kinds. A token's Value is always its exact source text, so that
// error messages can quote it the way Bro does ("at or near ...").
const (
	EOF       lexer.TokenType = lexer.EOF
	Ident     lexer.TokenType = iota + 1 // foo, Foo::bar
	Keyword                              // global, event, count, ...
	Count                                // 42
	Hex                                  // 0xff
	Double                               // 3.5, .5, 1e10
	String                               // "text" (Value keeps the quotes and escapes)
	Pattern                              // /re/ or /re/i
	Addr                                 // 1.2.3.4, [::1]
	Subnet                               // 10.0.0.0/8, [fe80::]/64
	Port                                 // 80/tcp
	Interval                             // 5min, 1.5 hrs
	Hostname                             // www.example.com
	Bool                                 // T, F
	Attr                                 // &redef, &default, ...
	Punct                                // operators and punctuation
	Directive                            // @load ..., @if, @else, @endif, @DIR, ...
)

// Symbols maps the kind names used in the grammar to token kinds.
var Symbols = map[string]lexer.TokenType{
	"EOF":       EOF,
	"Ident":     Ident,
	"Keyword":   Keyword,
	"Count":     Count,
	"Hex":       Hex,
	"Double":    Double,
	"String":    String,
	"Pattern":   Pattern,
	"Addr":      Addr,
	"Subnet":    Subnet,
	"Port":      Port,
	"Interval":  Interval,
	"Hostname":  Hostname,
	"Bool":      Bool,
	"Attr":      Attr,
	"Punct":     Punct,
	"Directive": Directive,
}

// KindName returns the grammar name of a token kind.
func KindName(k lexer.TokenType) string {
	for name, t := range Symbols {
		if t == k {
			return name
		}
	}
	return "?"
}

// keywords are the reserved words of Bro 2.6; none of them can name an
// identifier.
var keywords = map[string]bool{
	"add": true, "addr": true, "any": true, "as": true, "bool": true,
	"break": true, "case": true, "const": true, "copy": true, "count": true,
	"counter": true, "default": true, "delete": true, "double": true,
	"else": true, "enum": true, "event": true, "export": true,
	"fallthrough": true, "file": true, "for": true, "function": true,
	"global": true, "hook": true, "if": true, "in": true, "int": true,
	"interval": true, "is": true, "list": true, "local": true,
	"module": true, "next": true, "of": true, "opaque": true,
	"option": true, "pattern": true, "port": true, "print": true,
	"record": true, "redef": true, "return": true, "schedule": true,
	"set": true, "string": true, "subnet": true, "switch": true,
	"table": true, "time": true, "timeout": true, "timer": true,
	"type": true, "union": true, "vector": true, "when": true,
	"while": true,
}

// IsKeyword reports whether s is a reserved word.
func IsKeyword(s string) bool { return keywords[s] }

// attributes are the &-attributes Bro 2.6 knows. Anything else after '&'
// is not an attribute.
var attributes = map[string]bool{
	"&add_func": true, "&create_expire": true, "&default": true,
	"&delete_func": true, "&deprecated": true, "&raw_output": true,
	"&error_handler": true, "&expire_func": true, "&log": true,
	"&optional": true, "&priority": true, "&type_column": true,
	"&read_expire": true, "&redef": true, "&weaken": true,
	"&write_expire": true, "&encrypt": true, "&mergeable": true,
	"&persistent": true, "&rotate_interval": true, "&rotate_size": true,
	"&synchronized": true,
}

// IsAttribute reports whether s (with its leading '&') is an attribute.
func IsAttribute(s string) bool { return attributes[s] }
