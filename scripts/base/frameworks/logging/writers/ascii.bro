##! The options of the ASCII writer. Each can also be given per filter, as
##! a string in its $config table (e.g. $config=table(["use_json"] = "T")).

module LogAscii;

export {
	## If true, every log goes to standard output rather than to its file.
	const output_to_stdout = F &redef;

	## If true, rows are written as JSON objects, one per line, and
	## the header lines are left out.
	const use_json = F &redef;

	## How JSON output writes times.
	const json_timestamps: JSON::TimestampFormat = JSON::TS_EPOCH &redef;

	## If true, files start with lines describing the format (separator,
	## path, opening time, column names and types) and end with a line
	## giving the closing time.
	const include_meta = T &redef;

	## What those lines start with.
	const meta_prefix = "#" &redef;

	## The gzip level the logs are compressed at: 0 writes them
	## uncompressed, 1 to 9 write gzip files whose names end in ".gz"
	## (their rotated files too). Also a per-filter $config option,
	## "gzip_level".
	const gzip_level = 0 &redef;

	## Separator between columns.
	const separator = Log::separator &redef;

	## Separator between the elements of a set or vector.
	const set_separator = Log::set_separator &redef;

	## What an empty string, set or vector is written as.
	const empty_field = Log::empty_field &redef;

	## What an unset optional column is written as.
	const unset_field = Log::unset_field &redef;
}

# After a rotation, give the file a name with its opening time
# (PATH.%Y-%m-%d-%H-%M-%S.log, the suffix being $BRO_LOG_SUFFIX if set,
# and ".gz" kept for a compressed file) and run the configured shell
# command on it.
function default_rotation_postprocessor_func(info: Log::RotationInfo) : bool
	{
	local gz = info$fname[-3:] == ".gz" ? ".gz" : "";
	local suffix = getenv("BRO_LOG_SUFFIX");

	if ( suffix == "" )
		suffix = "log";

	local dst = fmt("%s.%s.%s%s", info$path,
			strftime(Log::default_rotation_date_format, info$open),
			suffix, gz);

	system(fmt("/bin/mv %s %s", info$fname, dst));

	return Log::run_rotation_postprocessor_cmd(info, dst);
	}

redef Log::default_rotation_postprocessors += { [Log::WRITER_ASCII] = default_rotation_postprocessor_func };
