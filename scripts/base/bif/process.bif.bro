##! The life of a process: time, termination, and the reporter.

## Returns the timestamp of the last packet processed. With no packet
## source, network time follows the wall clock: it is set when the process
## starts and at each round of the main loop.
global network_time: function(): time;

## Returns the current wall-clock time.
global current_time: function(): time;

## Asks the process to shut down, as a SIGTERM does: the main loop ends at
## the end of its current round, then bro_done runs. Returns F if the
## process is already shutting down.
global terminate: function(): bool;

## Returns true once the process has begun to shut down.
global bro_is_terminating: function(): bool;

## Ends the process at once with the given status: bro_done does not run.
global exit: function(code: int): any;

## Raised for each script loaded, after bro_init, in load order.
##
## path: the script's path.
##
## level: how deeply nested in @loads the script was.
global bro_script_loaded: event(path: string, level: count);

## Raised when the main loop has ended, before bro_done.
global net_done: event(t: time);

## Raised for each informational message of the reporter.
global reporter_info: event(t: time, msg: string, location: string) &error_handler;

## Raised for each warning of the reporter.
global reporter_warning: event(t: time, msg: string, location: string) &error_handler;

## Raised for each error of the reporter, run-time errors included.
## Errors that happen while a reporter event is handled raise no
## further event (the events are &error_handler).
global reporter_error: event(t: time, msg: string, location: string) &error_handler;

module Reporter;

export {
	## Generates an informational message.
	global info: function(msg: string): bool;

	## Generates a warning.
	global warning: function(msg: string): bool;

	## Generates a non-fatal error.
	global error: function(msg: string): bool;

	## Generates a fatal error on stderr and ends the process with status 1.
	global fatal: function(msg: string): bool;
}
