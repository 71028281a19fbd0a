# identify_data gives the MIME type of data, or "<unknown>".
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	print identify_data("\x89PNG\x0d\x0a\x1a\x0a\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00");
	print identify_data("%PDF-1.4\x0a%blah");
	print identify_data("GIF89a\x01\x00\x01\x00");
	print identify_data("");
	}
