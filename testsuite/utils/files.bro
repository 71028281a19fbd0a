# Extraction file names and Content-Disposition file names.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/files

event bro_init()
	{
	local c: connection;
	c$id = [$orig_h=10.0.0.1, $orig_p=1234/tcp, $resp_h=[2001:db8::1], $resp_p=80/tcp];
	print generate_extraction_filename("HTTP", c, "body.dat");
	print generate_extraction_filename("", c, "");
	print generate_extraction_filename("x", c, "");

	print extract_filename_from_content_disposition("attachment; filename=\"report 2018.pdf\"");
	print extract_filename_from_content_disposition("attachment; FileName = data.csv");
	print extract_filename_from_content_disposition("inline");
	print extract_filename_from_content_disposition("attachment; filename=\"a.txt\"; size=3");
	}
