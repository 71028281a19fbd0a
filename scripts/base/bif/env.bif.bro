##! Functions that reach outside the script: environment variables, shell
##! commands, the identity of the process and its host, and where its input
##! comes from.

## Returns an environment variable's value, or the empty string if it is
## not set.
global getenv: function(var: string): string;

## Sets an environment variable, replacing any earlier value. Returns true
## on success.
global setenv: function(var: string, val: string): bool;

## Runs a command through the shell in the background, with its standard
## output sent to standard error. Returns the status of putting the command
## in the background (0 on success, 127 if the shell could not run), not the
## command's exit status.
global system: function(str: string): int;

## As system, with the entries of *env* in the command's environment as
## BRO_ARG_<NAME> variables (names upper-cased).
global system_env: function(str: string, env: table_string_of_string): int;

## Starts *program* through the shell and writes *to_write* to its standard
## input. Returns true if all the data was written.
global piped_exec: function(program: string, to_write: string): bool;

## Returns the process id.
global getpid: function(): count;

## Returns the name of the host.
global gethostname: function(): string;

## Returns the version string, in Bro's form.
global bro_version: function(): string;

## Returns true when reading packets from a network interface.
global reading_live_traffic: function(): bool;

## Returns true when reading packets from a trace file.
global reading_traces: function(): bool;

## Returns the packet counters of the process (all zero: gobro reads no
## packets).
global get_net_stats: function(): NetStats;

## Returns true if the event being handled came from a remote peer.
global is_remote_event: function(): bool;
