# @unload marks a script as loaded so that a later @load of it does
# nothing. Once every script is read, each prefix (from @prefixes, -p or
# BRO_PREFIXES) adds the script named by the prefix and the loaded
# script's path with "/" turned into "." (a package by its directory),
# found along BROPATH; "@prefixes =" replaces the earlier prefixes.
# @TEST-EXEC: cp %INPUT t.bro && BROPATH=.:$GOBRO_SCRIPTS bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: BRO_PREFIXES=env BROPATH=.:$GOBRO_SCRIPTS bro -b -p cmd u.bro >options 2>&1
# @TEST-EXEC: btest-diff options

@unload ./skipped
@load ./skipped
@prefixes += gone
@prefixes = lcl
@load sitefile

print "main";

@TEST-START-FILE skipped.bro
print "skipped: not loaded";
@TEST-END-FILE

@TEST-START-FILE sitefile.bro
print "sitefile";
@TEST-END-FILE

@TEST-START-FILE lcl.sitefile.bro
print "lcl.sitefile";
@TEST-END-FILE

@TEST-START-FILE lcl.t.bro
print "lcl.t";
@TEST-END-FILE

@TEST-START-FILE gone.t.bro
print "gone.t: not loaded";
@TEST-END-FILE

@TEST-START-FILE u.bro
@load sitefile
print "u";
@TEST-END-FILE

@TEST-START-FILE cmd.u.bro
print "cmd.u";
@TEST-END-FILE

@TEST-START-FILE env.sitefile.bro
print "env.sitefile";
@TEST-END-FILE
