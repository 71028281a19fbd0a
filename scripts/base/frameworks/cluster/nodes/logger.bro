##! Settings of a logger node: it writes the logs it receives from the
##! other nodes, and sends none.

@prefixes += cluster-logger

redef Log::enable_local_logging = T;
redef Log::enable_remote_logging = F;

redef Log::default_rotation_interval = 1 hrs;
redef Log::default_mail_alarms_interval = 24 hrs;

# BroControl's archiving of rotated logs.
redef Log::default_rotation_postprocessor_cmd = "archive-log";
