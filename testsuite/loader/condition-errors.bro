# An @if condition that yields no value (it has an error, or evaluating
# it fails) is reported, and what it guards is read as if it held (so
# "second" below is declared).
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global t: table[count] of count;

@if ( t[5] == 1 )
global guarded = "taken";
@else
global guarded = "else";
global guarded_else = T;
@endif

@if ( 1 + "a" )
global second = "taken";
@endif

event bro_init()
	{
	print guarded, second;
	}
