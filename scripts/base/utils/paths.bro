##! Taking apart and putting together UNIX (and some Windows) file paths.

## What an absolute path starts with: "/", or a drive letter, a colon and
## a slash or backslash.
const absolute_path_pat = /(\/|[A-Za-z]:[\\\/]).*/;

## Returns the last component of a path, as the basename command does,
## with "/" or "\" as separators.
##
## input: the path.
##
## Returns: the part after the last separator, or an empty string if
##          there is no separator.
function basename(input: string): string
	{
	# The last separator and what follows it.
	const last_part = /(\\[^ ]|\/)[^\\\/]*$/;
	local pieces = split_string_all(input, last_part);

	if ( |pieces| < 3 )
		return "";

	return pieces[1][1:];
	}

## Returns the directory part of a path, with "/" or "\" as separators.
##
## input: the path.
##
## Returns: the part before the last separator, or an empty string if
##          there is no separator.
function dirname(input: string): string
	{
	const last_part = /(\\[^ ]|\/)[^\\\/]*$/;
	local pieces = split_string_all(input, last_part);

	if ( |pieces| < 3 )
		return "";

	return pieces[0];
	}

## Finds the first absolute path in a string: from a "/" (or a drive
## letter and separator) up to a quote or an unescaped blank.
##
## input: the text.
##
## Returns: the path, or an empty string if there is none.
function extract_path(input: string): string
	{
	const path_pat = /(\/|[A-Za-z]:[\\\/])([^\"\ ]|(\\\ ))*/;
	local pieces = split_string_all(input, path_pat);

	if ( |pieces| < 3 )
		return "";

	return pieces[1];
	}

## Simplifies a path: each ".." goes with the component before it, and
## runs of "/" and "/./" become one "/"; a trailing "/" is dropped.
##
## dir: the path, relative or absolute.
##
## Returns: the simplified path.
function compress_path(dir: string): string
	{
	# A component followed by "..".
	const up_pat = /((\/)*([^\/]|\\\/)+)?((\/)+\.\.(\/)*)/;

	local pieces = split_string_n(dir, up_pat, T, 1);

	if ( |pieces| > 1 )
		{
		# Two ".." in a row: there is nothing known above to remove.
		if ( pieces[1] == "../.." )
			return join_string_vec(pieces, "");

		# The component and its ".." go, leaving a "/" if the path
		# went on from one.
		pieces[1] = sub_bytes(pieces[1], 0, 1) == "/" ? "/" : "";
		return compress_path(join_string_vec(pieces, ""));
		}

	const slashes_pat = /(\/\.?){2,}/;
	pieces = split_string_all(dir, slashes_pat);

	for ( i in pieces )
		{
		if ( i % 2 == 1 )
			pieces[i] = "/";
		}

	dir = join_string_vec(pieces, "");

	if ( |dir| > 1 && sub_bytes(dir, |dir|, 1) == "/" )
		dir = sub_bytes(dir, 0, |dir| - 1);

	return dir;
	}

## Puts a file name in a directory.
##
## dir: the directory.
##
## file_name: the file's name.
##
## Returns: "dir/file_name", or the file name alone if it is an absolute
##          path.
function build_path(dir: string, file_name: string): string
	{
	if ( file_name == absolute_path_pat )
		return file_name;

	return cat(dir, "/", file_name);
	}

## build_path, then compress_path.
function build_path_compressed(dir: string, file_name: string): string
	{
	return compress_path(build_path(dir, file_name));
	}
