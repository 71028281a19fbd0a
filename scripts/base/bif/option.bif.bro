##! Changing options: "option" globals change only through Option::set,
##! which runs the change handlers registered for them. The names are
##! written in full: "set" alone is a keyword.

module Option;

export {
	## Sets option *ID* to *val*, after passing the value through the
	## option's change handlers. *location* is handed to handlers that take
	## it. Returns false if *ID* is not an option or *val* has another type.
	global Option::set: function(ID: string, val: any, location: string &default=""): bool;

	## Registers *on_change*, function(ID: string, new_value: T[, location:
	## string]): T, to be called whenever option *ID* is set; what it
	## returns becomes the value. Handlers with higher *priority* run first.
	global Option::set_change_handler: function(ID: string, on_change: any, priority: int &default=0): bool;
}

module GLOBAL;
