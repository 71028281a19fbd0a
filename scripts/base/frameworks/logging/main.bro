##! The logging framework: streams of records written through filters to
##! log writers.
##!
##! A script declares a Log::ID for its stream and a record type whose
##! &log fields are the columns, creates the stream with
##! Log::create_stream, and calls Log::write. Each filter of a stream
##! decides which rows and columns go where; the "default" filter, added
##! with the stream, writes every &log column to a file named after the
##! stream.

module Log;

export {
	## Identifies a log stream. Scripts add their own with
	## ``redef enum Log::ID += { LOG };``; the ID also gives the default
	## name of the stream's file.
	type ID: enum {
		## A placeholder.
		UNKNOWN
	};

	## If true, filters log locally by default.
	const enable_local_logging = T &redef;

	## If true, filters send their rows to remote peers by default.
	const enable_remote_logging = T &redef;

	## The writer of filters that name none.
	const default_writer = WRITER_ASCII &redef;

	## The default separator between columns; writers may use their own.
	const separator = "\t" &redef;

	## The default separator between the elements of a set or vector.
	const set_separator = "," &redef;

	## The default text of an empty string, set or vector; it should
	## differ from unset_field.
	const empty_field = "(empty)" &redef;

	## The default text of an unset optional column.
	const unset_field = "-" &redef;

	## A stream.
	type Stream: record {
		## The record type of the stream's rows.
		columns: any;

		## An event raised with every record written to the stream; it
		## takes one argument of type ``columns``.
		ev: any &optional;

		## A path that filters without their own path inherit.
		path: string &optional;
	};

	## Derives the path of a filter that has none. A nonempty *path* is
	## a path already chosen and is kept; otherwise the path comes from
	## the stream's ID (see Log::__default_path).
	##
	## id: The stream.
	##
	## path: The path suggested so far, or "".
	##
	## rec: The record being written.
	##
	## Returns: The path to write to.
	global default_path_func: function(id: ID, path: string, rec: any) : string &redef;

	## What a rotation postprocessor receives.
	type RotationInfo: record {
		writer: Writer;		##< The writer.
		fname: string;		##< The name of the rotated file.
		path: string;		##< The path the file was written for.
		open: time;		##< When the file was opened.
		close: time;		##< When it was closed.
		terminating: bool;	##< True if the rotation happened because the process ended.
	};

	## The rotation interval of filters that give none; zero turns
	## rotation off.
	const default_rotation_interval = 0secs &redef;

	## The strftime format of the opening time in the names of rotated
	## files.
	const default_rotation_date_format = "%Y-%m-%d-%H-%M-%S" &redef;

	## A shell command run on every rotated file; empty for none.
	const default_rotation_postprocessor_cmd = "" &redef;

	## How often a summary of alarms is mailed; zero for never. Kept for
	## the scripts that set it: gobro mails nothing.
	const default_mail_alarms_interval = 0secs &redef;

	## The postprocessor of each writer, for filters that have none.
	const default_rotation_postprocessors: table[Writer] of function(info: RotationInfo) : bool &redef;

	## Renames applied to the columns of every filter by default.
	const default_field_name_map: table[string] of string = table() &redef;

	## What joins the names of nested record fields by default:
	## "id.orig_h".
	const default_scope_sep = "." &redef;

	## What extension columns' names start with by default.
	const Log::default_ext_prefix: string = "_" &redef;

	## The extension function of filters that have none. An extension
	## function returns a record whose &log fields become extra columns
	## at the start of every row; this one returns nothing, which means
	## no extension columns.
	const Log::default_ext_func: function(path: string): any =
		function(path: string) { } &redef;

	## A filter: which rows and columns of a stream go where.
	type Filter: record {
		## The filter's name, unique within its stream.
		name: string;

		## The writer the rows go to.
		writer: Writer &default=default_writer;

		## Decides whether a row is written; without it every row is.
		pred: function(rec: any): bool &optional;

		## Where the rows go: for the ASCII writer, the file name
		## without its extension. A path already in use by another
		## filter of the stream gets "-2", "-3", ... appended.
		path: string &optional;

		## Computes the path for each row. Its *path* argument is the
		## filter's path, or the function's first answer, or "".
		path_func: function(id: ID, path: string, rec: any): string &optional;

		## The only columns to write (flattened names, "id.orig_h").
		include: set[string] &optional;

		## Columns not to write.
		exclude: set[string] &optional;

		## If true, rows are written locally.
		log_local: bool &default=enable_local_logging;

		## If true, rows are sent to remote peers.
		log_remote: bool &default=enable_remote_logging;

		## Renames columns before they reach the writer.
		field_name_map: table[string] of string &default=default_field_name_map;

		## What joins the names of nested record fields.
		scope_sep: string &default=default_scope_sep;

		## What extension columns' names start with.
		ext_prefix: string &default=default_ext_prefix;

		## Returns the extension columns of a row; see
		## Log::default_ext_func.
		ext_func: function(path: string): any &default=default_ext_func;

		## The rotation interval; zero turns rotation off.
		interv: interval &default=default_rotation_interval;

		## Called for every rotated file; without it, the writer's
		## entry in Log::default_rotation_postprocessors is.
		postprocessor: function(info: RotationInfo) : bool &optional;

		## Options for the writer, by name.
		config: table[string] of string &default=table();
	};

	## What Log::get_filter returns for a filter that does not exist.
	const no_filter: Filter = [$name="<not found>"];

	## Creates a stream with the default filter.
	##
	## id: The new stream's ID.
	##
	## stream: Its columns, event and path.
	##
	## Returns: True on success.
	global create_stream: function(id: ID, stream: Stream) : bool;

	## Removes a stream and closes its files.
	global remove_stream: function(id: ID) : bool;

	## Makes a disabled stream write again.
	global enable_stream: function(id: ID) : bool;

	## Makes writes to a stream do nothing until it is enabled again.
	global disable_stream: function(id: ID) : bool;

	## Adds a filter to a stream, replacing a filter of the same name.
	global add_filter: function(id: ID, filter: Filter) : bool;

	## Removes a stream's filter by name.
	global remove_filter: function(id: ID, name: string) : bool;

	## Returns a stream's filter by name, or Log::no_filter.
	global get_filter: function(id: ID, name: string) : Filter;

	## Returns the names of a stream's filters (none for an unknown
	## stream).
	global get_filter_names: function(id: ID) : set[string];

	## Writes a record to a stream.
	##
	## id: The stream.
	##
	## columns: A record of the stream's column type, or one that can
	##          be coerced to it, such as a record constructor.
	##
	## Returns: True if the stream exists.
	global write: function(id: ID, columns: any) : bool;

	## Turns buffering of a stream's files on or off. Unbuffered, every
	## row reaches its file as it is written.
	global set_buf: function(id: ID, buffered: bool): bool;

	## Writes out the rows a stream's files hold in their buffers.
	global flush: function(id: ID): bool;

	## Adds the "default" filter to a stream.
	global add_default_filter: function(id: ID) : bool;

	## Removes the "default" filter of a stream.
	global remove_default_filter: function(id: ID) : bool;

	## Runs Log::default_rotation_postprocessor_cmd on a rotated file.
	##
	## info: The rotation.
	##
	## npath: The file's name after postprocessing.
	##
	## Returns: True.
	global run_rotation_postprocessor_cmd: function(info: RotationInfo, npath: string) : bool;

	## The streams that exist and are enabled. Read it; do not change it.
	global active_streams: table[ID] of Stream = table();
}

# Every stream, enabled or not.
global all_streams: table[ID] of Stream = table();

# The names of each stream's filters.
global stream_filters: table[ID] of set[string] = table();

# The filters, as added.
global filters: table[ID, string] of Filter;

@load base/bif/logging.bif

module Log;

# The manager calls this for a rotated file whose filter has no
# postprocessor of its own.
function __default_rotation_postprocessor(info: RotationInfo) : bool
	{
	if ( info$writer in default_rotation_postprocessors )
		return default_rotation_postprocessors[info$writer](info);

	# Writers without a postprocessor leave the file as it is.
	return T;
	}

function default_path_func(id: ID, path: string, rec: any) : string
	{
	if ( path != "" )
		return path;

	return __default_path(id);
	}

function run_rotation_postprocessor_cmd(info: RotationInfo, npath: string) : bool
	{
	local pp_cmd = default_rotation_postprocessor_cmd;

	if ( pp_cmd == "" )
		return T;

	# The writer's name as the last argument: Log::WRITER_ASCII is
	# "ascii".
	local writer = subst_string(to_lower(fmt("%s", info$writer)), "log::writer_", "");

	# The arguments: the file, the path, the opening and closing
	# times, whether the process is ending, and the writer.
	system(fmt("%s %s %s %s %s %d %s",
		   pp_cmd, npath, info$path,
		   strftime("%y-%m-%d_%H.%M.%S", info$open),
		   strftime("%y-%m-%d_%H.%M.%S", info$close),
		   info$terminating, writer));

	return T;
	}

function create_stream(id: ID, stream: Stream) : bool
	{
	if ( ! __create_stream(id, stream) )
		return F;

	active_streams[id] = stream;
	all_streams[id] = stream;

	return add_default_filter(id);
	}

function remove_stream(id: ID) : bool
	{
	delete active_streams[id];
	delete all_streams[id];

	if ( id in stream_filters )
		{
		for ( name in stream_filters[id] )
			delete filters[id, name];

		delete stream_filters[id];
		}

	return __remove_stream(id);
	}

function disable_stream(id: ID) : bool
	{
	delete active_streams[id];
	return __disable_stream(id);
	}

function enable_stream(id: ID) : bool
	{
	if ( ! __enable_stream(id) )
		return F;

	if ( id in all_streams )
		active_streams[id] = all_streams[id];

	return T;
	}

function add_filter(id: ID, filter: Filter) : bool
	{
	if ( id in all_streams )
		{
		local stream = all_streams[id];

		if ( stream?$path && ! filter?$path )
			filter$path = stream$path;
		}

	if ( ! filter?$path && ! filter?$path_func )
		filter$path_func = default_path_func;

	if ( id !in stream_filters )
		stream_filters[id] = set();

	add stream_filters[id][filter$name];
	filters[id, filter$name] = filter;
	return __add_filter(id, filter);
	}

function get_filter_names(id: ID) : set[string]
	{
	if ( id in stream_filters )
		return stream_filters[id];
	else
		return set();
	}

function remove_filter(id: ID, name: string) : bool
	{
	if ( id in stream_filters )
		delete stream_filters[id][name];

	delete filters[id, name];
	return __remove_filter(id, name);
	}

function get_filter(id: ID, name: string) : Filter
	{
	if ( [id, name] in filters )
		return filters[id, name];

	return no_filter;
	}

function write(id: ID, columns: any) : bool
	{
	return __write(id, columns);
	}

function set_buf(id: ID, buffered: bool) : bool
	{
	return __set_buf(id, buffered);
	}

function flush(id: ID) : bool
	{
	return __flush(id);
	}

function add_default_filter(id: ID) : bool
	{
	return add_filter(id, [$name="default"]);
	}

function remove_default_filter(id: ID) : bool
	{
	return remove_filter(id, "default");
	}
