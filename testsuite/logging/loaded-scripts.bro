# policy/misc/loaded-scripts writes loaded_scripts.log: every loaded script
# in load order, its path compressed, indented two spaces per level of
# @load nesting; prefixed scripts come last, at the top level. Only the
# test's own scripts are kept here (the others are gobro's own tree).
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: grep -v '^#' loaded_scripts.log | grep '\./' >scripts
# @TEST-EXEC: btest-diff scripts
# @TEST-EXEC: grep '^#fields' loaded_scripts.log >fields
# @TEST-EXEC: btest-diff fields

@load misc/loaded-scripts
@load ./pkg
@prefixes += lcl

@TEST-START-FILE pkg/__load__.bro
@load ./inner
@TEST-END-FILE

@TEST-START-FILE pkg/inner.bro
print "inner";
@TEST-END-FILE

@TEST-START-FILE lcl.t.bro
print "lcl.t";
@TEST-END-FILE
