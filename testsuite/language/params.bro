# name=value arguments become redefs after the scripts are read (strings
# are quoted for the user); @DIR is the script's directory, made absolute.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro greeting=hello n=5 empty= -e 'print "cmd", n;' 2>&1 | sed "s#$(pwd)#PWD#" >output
# @TEST-EXEC: btest-diff output

const greeting = "hi" &redef;
const n = 1 &redef;
const empty = "unchanged" &redef;

print @DIR, @FILENAME;
print greeting, n, empty;
