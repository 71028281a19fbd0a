##! Writing script values as JSON.

@load base/utils/strings

## Writes a value as JSON text: strings, addresses, subnets, enums and
## intervals as JSON strings, ports as their numbers, counts, ints and
## times as numbers, doubles with up to 16 significant digits, bools as
## true and false; records as objects of their set fields, sets and
## vectors as arrays, tables as objects whose member names are the
## indices. Other types (patterns, functions, files, opaque values) come
## out as "".
##
## v: the value, typically a record.
##
## only_loggable: if T, a record's fields without &log are left out.
##
## field_escape_pattern: the part of a record field's name that matches
##                       this pattern is removed from the member name
##                       (for fields named like reserved words). It applies
##                       to the fields of *v* itself, not of nested records.
##
## Returns: the JSON text.
function to_json(v: any, only_loggable: bool &default=F, field_escape_pattern: pattern &default=/^_/): string
	{
	local tn = type_name(v);

	switch ( tn ) {
	case "type":
		return "";

	case "string":
		local s: string = v;
		# Control bytes are written out first, then backslashes and
		# quotes are escaped.
		return cat("\"", gsub(gsub(clean(s), /\\/, "\\\\"), /\"/, "\\\""), "\"");

	case "port":
		local p: port = v;
		return cat(port_to_count(p));

	case "enum", "interval", "addr", "subnet":
		return cat("\"", v, "\"");

	case "int", "count", "time":
		return cat(v);

	case "double":
		return fmt("%.16g", v);

	case "bool":
		local b: bool = v;
		return b ? "true" : "false";
	}

	local parts: string_vec = vector();
	local members: vector of any;

	if ( /^record/ in tn )
		{
		local fields = record_fields(v);

		for ( name in fields )
			{
			local field = fields[name];

			if ( ! field?$value || (only_loggable && ! field$log) )
				next;

			local member = name;
			if ( field_escape_pattern in member )
				member = sub(member, field_escape_pattern, "");

			parts[|parts|] = cat("\"", member, "\": ", to_json(field$value, only_loggable));
			}

		return cat("{", join_string_vec(parts, ", "), "}");
		}

	if ( /^set/ in tn || /^vector/ in tn )
		{
		members = __container_members(v);

		for ( i in members )
			parts[|parts|] = to_json(members[i], only_loggable);

		return cat("[", join_string_vec(parts, ", "), "]");
		}

	if ( /^table/ in tn )
		{
		members = __container_members(v);
		local yields = __table_yields(v);

		for ( i in members )
			{
			# Member names are JSON strings: an index that does not
			# come out as one is put in quotes.
			local key = to_json(members[i]);
			local quote = key[0] == "\"" ? "" : "\"";
			parts[|parts|] = cat(quote, key, quote, ": ", to_json(yields[i], only_loggable));
			}

		return cat("{", join_string_vec(parts, ", "), "}");
		}

	return "\"\"";
	}
