# -h prints gobro's usage and exits with status 0; an unknown option is
# an error (status 1); "A::B" arguments name plugins, of which gobro has
# none to activate (Bro's messages, status 1).
# @TEST-EXEC: bro -h | grep -q '^usage: '
# @TEST-EXEC: bro --help | grep -q '^usage: '
# @TEST-EXEC-FAIL: bro -b -Z %INPUT >/dev/null 2>&1
# @TEST-EXEC-FAIL: bro -b %INPUT Foo::Bar >plugins 2>&1
# @TEST-EXEC: btest-diff plugins

print "not run";
