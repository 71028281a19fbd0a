# Run as "bro", -v and --version print Bro's version line on stderr (the
# name it was run by, then the version) and exit with status 0; as gobro
# they print gobro's own version on stdout.
# @TEST-EXEC: bro -v >stdout 2>stderr
# @TEST-EXEC: bro --version >>stdout 2>>stderr
# @TEST-EXEC: btest-diff stderr
# @TEST-EXEC: test ! -s stdout
# @TEST-EXEC: gobro -v | grep -q '^gobro version '
