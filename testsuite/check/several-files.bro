# Each file is parsed on its own; errors come in the order the files are
# named, and the exit status is 1 if any file failed.
# @TEST-EXEC-FAIL: gobro check ./good.bro ./bad1.bro ./bad2.bro >out 2>&1
# @TEST-EXEC: gobro check ./good.bro
# @TEST-EXEC: btest-diff out

@TEST-START-FILE good.bro
event bro_init() { print "fine"; }
@TEST-END-FILE

@TEST-START-FILE bad1.bro
event bro_init() { print "fine" }
@TEST-END-FILE

@TEST-START-FILE bad2.bro
type R: record {
	a: count
};
@TEST-END-FILE
