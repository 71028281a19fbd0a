# -e CODE is read after the scripts and after the NAME=VALUE redefinitions,
# as a file called "<command line>" that ends with an extra ";" line: a
# script is optional, errors in the code are located in it, and of
# several -e only the last counts.
# @TEST-EXEC: bro -b -e 'print "only code";' >output 2>&1
# @TEST-EXEC: bro -b %INPUT n=7 -e 'print "first";' -e 'event bro_init() { print "last", n; }' >>output 2>&1
# @TEST-EXEC: bro -b -e '@load ./helper' >>output 2>&1
# @TEST-EXEC: bro -b %INPUT -e "$(printf 'event bro_init()\n\t{ local s: string = n; }')" >>output 2>&1 || echo "exit status $?" >>output
# @TEST-EXEC: btest-diff output

const n = 1 &redef;

@TEST-START-FILE helper.bro
print "helper", @FILENAME;
@TEST-END-FILE
