##! Settings of a worker node: its logs go to the loggers.

@prefixes += cluster-worker

redef Log::enable_local_logging = F;
redef Log::enable_remote_logging = T;

redef Log::default_rotation_interval = 24hrs;

# BroControl's removal of rotated logs.
redef Log::default_rotation_postprocessor_cmd = "delete-log";
