# A file prints as Bro's BroFile describes itself (file "NAME" of string),
# and print with a file first writes the rest to it. An opaque value has
# no description of its own.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: cat out.txt >>output
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local f = open("out.txt");
	local h = md5_hash_init();
	local a: any = f;
	print fmt("%s", f), cat(f);
	print a;
	print h;
	print f, "to the file";
	close(f);
	}
