# fnv1a32 hashes Bro's binary description of the value: the type tag,
# then a string's length and bytes or a number's 64 bits.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	print fnv1a32("abc"), fnv1a32(""), fnv1a32(5), fnv1a32(-3);
	}
