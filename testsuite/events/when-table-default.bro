# A "when" body runs in a clone of its frame; a table there keeps its
# &default, as Bro's Clone keeps a table's attributes.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local t: table[count] of string &default="none";
	t[1] = "one";
	when ( T )
		print t[1], t[7];
	}
