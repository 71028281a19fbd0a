##! The core declarations every script sees, loaded first of all.

## Raised once, after all scripts are loaded, before anything else runs.
global bro_init: event();

## Raised once, as the process ends.
global bro_done: event();

## A vector of counts, as bifs hand out lists of indices.
type index_vec: vector of count;

## A vector of strings.
type string_vec: vector of string;

## A vector of subnets.
type subnet_vec: vector of subnet;

## A set of addresses.
type addr_set: set[addr];

## A table of strings indexed by strings.
type table_string_of_string: table[string] of string;

@load base/bif/env.bif
