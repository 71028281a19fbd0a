# Expiration attributes apply to tables and sets only (record fields too); the
# interval must be an interval (checked when a table is made: never for an
# &optional field), &expire_func a two-argument function yielding an interval.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

function no_yield(t: table[count] of string, c: count)
	{
	}

function one_arg(t: table[count] of string): interval
	{
	return 0sec;
	}

function three_args(t: table[count, string] of string, c: count, s: string): interval
	{
	return 0sec;
	}

global c: count &create_expire=1sec;
global v: vector of count &expire_func=one_arg;
global t1: table[count] of string &create_expire=1sec &expire_func=no_yield;
global t2: table[count] of string &read_expire=1sec &expire_func=one_arg;
global t3: table[count, string] of string &write_expire=1sec &expire_func=three_args;
global t4: set[count] &create_expire=5;
type R: record { c: count &create_expire=1sec; s: set[count] &optional &read_expire=2; };
type R2: record { s: set[count] &read_expire=3; };
global r2: R2;
