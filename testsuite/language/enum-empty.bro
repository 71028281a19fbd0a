# An enum type and a "redef enum ... += { }" each need at least one name
# (a trailing comma is allowed); an empty list is a syntax error.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output
# @TEST-EXEC-FAIL: bro -b empty-type.bro >errors 2>&1
# @TEST-EXEC-FAIL: bro -b empty-redef.bro >>errors 2>&1
# @TEST-EXEC: btest-diff errors

type Color: enum { RED, GREEN, };
redef enum Color += { BLUE, };

event bro_init()
	{
	print RED, GREEN, BLUE;
	}

@TEST-START-FILE empty-type.bro
type Nothing: enum { };
@TEST-END-FILE

@TEST-START-FILE empty-redef.bro
type Color: enum { RED };
redef enum Color += {
};
@TEST-END-FILE
