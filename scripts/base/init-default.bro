##! Loaded after init-bare.bro unless gobro runs with -b: the utility
##! scripts, then the default frameworks.

@load base/utils/site
@load base/utils/addrs
@load base/utils/conn-ids
@load base/utils/directions-and-hosts
@load base/utils/email
@load base/utils/exec
@load base/utils/files
@load base/utils/hash_hrw
@load base/utils/numbers
@load base/utils/paths
@load base/utils/patterns
@load base/utils/queue
@load base/utils/strings
@load base/utils/thresholds
@load base/utils/time
@load base/utils/urls
# Bro 2.6 loads json through the OpenFlow framework; gobro has no
# OpenFlow, so it loads json here to make to_json available all the same.
@load base/utils/json

@load base/frameworks/logging
@load base/frameworks/control
@load base/frameworks/cluster
@load base/frameworks/reporter
