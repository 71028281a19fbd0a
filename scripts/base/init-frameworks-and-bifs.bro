##! Loaded after init-bare.bro, even with -b: the frameworks that are built
##! on builtins and script types together, and that scripts expect to be
##! there in bare mode too.

@load base/frameworks/logging
@load base/frameworks/broker
