##! Settings of a manager node: it runs the cluster's policy, and its logs
##! go to the loggers (unless it is the logger itself).

@prefixes += cluster-manager

redef Log::enable_local_logging = F;
redef Log::enable_remote_logging = T;

redef Log::default_rotation_interval = 24 hrs;

# BroControl's removal of rotated logs.
redef Log::default_rotation_postprocessor_cmd = "delete-log";
