##! The core declarations every script sees, loaded first of all.

## Raised once, after all scripts are loaded, before anything else runs.
global bro_init: event();

## Raised once, as the process ends.
global bro_done: event();
