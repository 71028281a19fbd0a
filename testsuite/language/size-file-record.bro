# |f| of a file is its size in bytes, as a double; |r| of a record is its
# type's number of fields.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

type R: record {
	a: count;
	b: string &optional;
	c: bool &default=T;
};

event bro_init()
	{
	local f = open("x.txt");
	print f, "0123456789";
	print |f|;
	local r = R($a=1);
	print |r|;
	}
