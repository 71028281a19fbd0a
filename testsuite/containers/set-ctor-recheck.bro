# A set constructor assigned to a set of another type is checked again
# against that type, its elements coerced to it: an anonymous record
# becomes the set's record type, with its defaults.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type MyRecord: record {
	user: string;
	host: string &default="h";
};

global lea: set[MyRecord] = set([$user="x"]);

event bro_init()
	{
	print lea;
	local s: set[MyRecord];
	s = set([$user="y", $host="z"]);
	print s;
	}
