##! Declarations of the string built-in functions of Bro 2.6's
##! strings.bif, implemented in Go under builtins/strings.

## Returns the Levenshtein distance of two strings.
global levenshtein_distance: function(s1: string, s2: string): count;

## Concatenates string arguments.
global string_cat: function(va_args: any): string;

## Concatenates the elements 1 to |a| of a string array.
global cat_string_array: function(a: string_array): string;

## Concatenates the elements *start* to *end* of a string array.
global cat_string_array_n: function(a: string_array, start: count, end: count): string;

## Joins the elements 1 to |a| of a string array with *sep*.
global join_string_array: function(sep: string, a: string_array): string;

## Joins the elements of a string vector with *sep*.
global join_string_vec: function(vec: string_vec, sep: string): string;

## Returns a sorted copy of a string array.
global sort_string_array: function(a: string_array): string_array;

## Applies a backspace character: each occurrence deletes the byte
## before it.
global edit: function(arg_s: string, arg_edit_char: string): string;

## Returns *n* bytes of *s* from the 1-based position *start*; a negative
## *n* means to the end.
global sub_bytes: function(s: string, start: count, n: int): string;

## Compares two strings byte-wise: negative, zero or positive.
global strcmp: function(s1: string, s2: string): int;

## Returns the 1-based position of *little* in *big*, 0 if absent.
global strstr: function(big: string, little: string): count;

## Replaces every occurrence of *from* in *s* with *to*.
global subst_string: function(s: string, from: string, to: string): string;

## Folds ASCII upper-case letters to lower case.
global to_lower: function(str: string): string;

## Folds ASCII lower-case letters to upper case.
global to_upper: function(str: string): string;

## Escapes bytes outside [32, 126] as \xHH.
global clean: function(str: string): string;

## Escapes the string as a script would write it literally.
global to_string_literal: function(str: string): string;

## Tells whether no byte is above 127.
global is_ascii: function(str: string): bool;

## Escapes bytes outside [32, 126] as \xHH.
global escape_string: function(s: string): string;

## Writes each byte as two lower-case hex digits.
global string_to_ascii_hex: function(s: string): string;

## Finds the substrings *s1* and *s2* have in common with Bro's variant of
## the Smith-Waterman algorithm: the best alignment, or with
## ``$sw_variant=1`` every common substring not covered by a longer one.
global str_smith_waterman: function(s1: string, s2: string, params: sw_params): sw_substring_vec;

## Cuts *s* at the given offsets.
global str_split: function(s: string, idx: index_vec): string_vec;

## Strips white space from both ends.
global strip: function(str: string): string;

## Repeats *source* to *len* bytes, the last of which is NUL.
global string_fill: function(len: int, source: string): string;

## Escapes the characters the shell would interpret inside double
## quotes.
global str_shell_escape: function(source: string): string;

## Returns a hex dump of the data, 16 bytes a line.
global hexdump: function(data_str: string): string;

## Returns the bytes in reverse order.
global reverse: function(str: string): string;

## Returns the number of bytes in a string, as |s| does.
global byte_len: function(s: string): count;

## Splits a string at the matches of a pattern.
global split: function(str: string, re: pattern): string_array &deprecated;

## Splits a string once, at the first match of a pattern.
global split1: function(str: string, re: pattern): string_array &deprecated;

## Splits a string at the matches of a pattern, keeping the separators.
global split_all: function(str: string, re: pattern): string_array &deprecated;

## Splits a string at most *max_num_sep* times, keeping the separators
## if *incl_sep*.
global split_n: function(str: string, re: pattern, incl_sep: bool, max_num_sep: count): string_array &deprecated;

## Splits a string at the matches of a pattern.
global split_string: function(str: string, re: pattern): string_vec;

## Splits a string once, at the first match of a pattern.
global split_string1: function(str: string, re: pattern): string_vec;

## Splits a string at the matches of a pattern, keeping the separators.
global split_string_all: function(str: string, re: pattern): string_vec;

## Splits a string at most *max_num_sep* times, keeping the separators
## if *incl_sep*.
global split_string_n: function(str: string, re: pattern, incl_sep: bool, max_num_sep: count): string_vec;

## Replaces the first match of a pattern.
global sub: function(str: string, re: pattern, repl: string): string;

## Replaces every match of a pattern.
global gsub: function(str: string, re: pattern, repl: string): string;

## Returns the set of the matches of a pattern.
global find_all: function(str: string, re: pattern): string_set;

## Returns the match that starts last, or "".
global find_last: function(str: string, re: pattern): string;
