# Email addresses out of header text. Sets of several addresses are
# checked by size and membership: their order is Bro's hash order.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/email

event bro_init()
	{
	print extract_email_addrs_vec("John Smith <john.smith@example.com>");
	print extract_first_email_addr("To: jane@example.org; cc");
	print extract_first_email_addr("no address here"), |extract_email_addrs_vec("no address here")|;
	print extract_email_addrs_vec("@@x@y.z");

	local s = extract_email_addrs_set("\"Smith, John\" <john.smith@example.com>, jane@example.org; bob <bob@x.test>, jane@example.org");
	print |s|, "john.smith@example.com" in s, "jane@example.org" in s, "bob@x.test" in s;

	print split_mime_email_addresses("Alice <alice@example.com>");
	local m = split_mime_email_addresses("\"Smith, John\" <john@x.com>, Jane <jane@y.org>");
	print |m|, "\"Smith, John\" <john@x.com>" in m, "Jane <jane@y.org>" in m;
	}
