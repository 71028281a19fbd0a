##! Loaded after init-bare.bro unless gobro runs with -b: the default
##! frameworks.

@load base/frameworks/logging
@load base/frameworks/reporter
