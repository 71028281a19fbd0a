##! Running external programs and collecting what they print, from within
##! a "when".

module Exec;

export {
	## A command to run.
	type Command: record {
		## The command line, run by /bin/sh. Quote anything that comes
		## from outside (see str_shell_escape): the shell interprets it.
		cmd:         string;
		## What the program reads on its standard input.
		stdin:       string      &default="";
		## Files the program writes that should be read back once it
		## has exited (and then removed).
		read_files:  set[string] &optional;
		## An identifier for the run.
		uid:         string      &default=unique_id("");
	};

	## What a command did.
	type Result: record {
		## The program's exit status (the signal number if a signal
		## ended it).
		exit_code:    count            &default=0;
		## T if a signal ended the program.
		signal_exit:  bool             &default=F;
		## The lines the program wrote to standard output, if any.
		stdout:       vector of string &optional;
		## The lines the program wrote to standard error, if any.
		stderr:       vector of string &optional;
		## The lines of each file named in the command's read_files,
		## by name.
		files:        table[string] of string_vec &optional;
	};

	## Runs a command and returns what it did. The result arrives once
	## the program has exited and its files have been read, so call it
	## in a "when" condition:
	##
	##     when ( local r = Exec::run([$cmd="ls /"]) ) { print r$stdout; }
	##
	## cmd: the command.
	##
	## Returns: the exit status and the output of the program.
	global run: function(cmd: Command): Result;

	## The directory for temporary files.
	const tmp_dir = "/tmp" &redef;
}

## Runs *cmd* through /bin/sh with *stdin* as its input, waits for it to
## exit, then reads and removes *read_files*. A builtin whose result comes
## later: it only works in a "when" condition.
global __run: function(cmd: string, stdin: string, read_files: set[string]): Result;

function run(cmd: Command): Result
	{
	local files: set[string] = set();

	if ( cmd?$read_files )
		files = cmd$read_files;

	return when ( local result = Exec::__run(cmd$cmd, cmd$stdin, files) )
		{
		return result;
		}
	}
