# Base64 in both directions, with custom alphabets and bad input.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

global alphabet = "!#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abc";

event bro_init()
	{
	print encode_base64("bro"), encode_base64("b"), encode_base64("br"), encode_base64("");
	print encode_base64("bro", alphabet), encode_base64_custom("bro", alphabet);
	print decode_base64("YnJv"), decode_base64("Yg=="), decode_base64("YnI="), decode_base64("");
	print decode_base64("@:L<", alphabet), decode_base64_custom("@:L<", alphabet);
	print decode_base64("YnJ");
	print decode_base64("Yn!Jv");
	print decode_base64("Yg==YnJv");
	print encode_base64("x", "abc");
	print decode_base64("YnJv", "abc");
	}
