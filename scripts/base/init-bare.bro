##! The core declarations every script sees, loaded first of all.

## Raised once, after all scripts are loaded, before anything else runs.
global bro_init: event();

## Raised once, as the process ends.
global bro_done: event();

## If true, the process runs until terminate() is called (or a signal
## arrives) instead of ending once it has nothing left to do.
const exit_only_after_terminate = F &redef;

## How often a table with expiring entries is checked for expired ones.
const table_expire_interval = 10 secs &redef;

## How many entries of a table one expiry check looks at.
const table_incremental_step = 5000 &redef;

## How long to wait before the next step of an expiry check that did not
## get through the whole table.
const table_expire_delay = 0.01 secs &redef;

module Reporter;

export {
	## Whether informational messages also go to stderr.
	const info_to_stderr = T &redef;

	## Whether warnings also go to stderr.
	const warnings_to_stderr = T &redef;

	## Whether errors also go to stderr.
	const errors_to_stderr = T &redef;
}

module GLOBAL;

@load base/bif/process.bif
