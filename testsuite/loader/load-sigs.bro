# @load-sigs names a signature file, found as @load finds scripts (with
# the .sig extension); without packets nothing matches, so a file found
# changes nothing, and one that cannot be found is an error that keeps
# the script from running.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>&1
# @TEST-EXEC: btest-diff out
# @TEST-EXEC-FAIL: bro -b missing.bro >missing 2>&1
# @TEST-EXEC: btest-diff missing

@load-sigs ./sigs

print "ran";

@TEST-START-FILE sigs.sig
signature my-sig {
	ip-proto == tcp
	event "found"
}
@TEST-END-FILE

@TEST-START-FILE missing.bro
@load-sigs ./nosuch
print "not run";
@TEST-END-FILE
