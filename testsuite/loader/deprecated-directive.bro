# A script marked @deprecated warns when loaded, naming the file and
# line of the @load (or the command line) and the directive's message;
# without a message a blank still ends the text.
# @TEST-EXEC: bro -b foo.bro >output 2>&1
# @TEST-EXEC: bro -b baz.bro >>output 2>&1
# @TEST-EXEC: btest-diff output

@TEST-START-FILE foo.bro
print "foo";
@load ./bar
@load ./quux
@TEST-END-FILE

@TEST-START-FILE bar.bro
@deprecated "Use '@load qux.bro' instead"
print "bar";
@TEST-END-FILE

@TEST-START-FILE quux.bro
print "quux";
@deprecated
@TEST-END-FILE

@TEST-START-FILE baz.bro
@deprecated "gone"
print "baz";
@TEST-END-FILE
