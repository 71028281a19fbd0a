# Scripts are searched along BROPATH (gobro also honours ZEEKPATH when
# BROPATH is not set): a name with or without ".bro", a directory by its
# __load__.bro, a name starting with "." against the directory of the file
# that loads it. Every file loads once, however it is named. @DIR is the
# loading path's directory (made absolute when it starts with "."), and
# @FILENAME its last part. A name found nowhere is a fatal error at the
# @load. Bro 2.6 knows only BROPATH; the ZEEKPATH run shows that gobro
# reads it the same way.
# @TEST-EXEC: cp %INPUT t.bro && BROPATH=.:lib:$GOBRO_SCRIPTS bro -b t.bro 2>&1 | sed "s#$(pwd)#PWD#g" >output
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: ZEEKPATH=.:lib:$GOBRO_SCRIPTS bro -b t.bro 2>&1 | sed "s#$(pwd)#PWD#g" >zeekpath
# @TEST-EXEC: cmp output zeekpath
# @TEST-EXEC-FAIL: bro -b t.bro >missing 2>&1
# @TEST-EXEC: btest-diff missing

@load sub/a
@load sub/a.bro
@load ./sub/pkg
@load libfile
@load ./lib/libfile.bro
@load lib/libfile

print "main", @FILENAME;

@TEST-START-FILE sub/a.bro
print "a", @DIR, @FILENAME;
@load ./b
@TEST-END-FILE

@TEST-START-FILE sub/b.bro
print "b", @DIR;
@load ../sub/a
@TEST-END-FILE

@TEST-START-FILE sub/pkg/__load__.bro
print "pkg", @FILENAME;
@load ./inner
@TEST-END-FILE

@TEST-START-FILE sub/pkg/inner.bro
print "inner", @DIR;
@TEST-END-FILE

@TEST-START-FILE lib/libfile.bro
print "libfile", @DIR;
@TEST-END-FILE
