# -B STREAMS (--debug=STREAMS) selects debugging streams; it takes its
# argument and the script runs as without it.
# @TEST-EXEC: bro -b -B all %INPUT >output 2>&1
# @TEST-EXEC: bro -B scripts,dpd -b %INPUT >>output 2>&1
# @TEST-EXEC: bro -b --debug=all %INPUT >>output 2>&1
# @TEST-EXEC: btest-diff output

print "ran";
