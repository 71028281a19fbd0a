# The FTP address helpers and the NetBIOS name decoders.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	print parse_ftp_port("192,168,1,2,4,1");
	print parse_ftp_port("192,168,1,256,4,1");
	print parse_ftp_port("garbage");
	print parse_eftp_port("|1|10.0.0.1|2048|");
	print parse_eftp_port("|2|2001:db8::1|21|");
	print parse_eftp_port("|1|bad|2048|");
	print parse_ftp_pasv("227 Entering Passive Mode (10,0,0,5,195,80)");
	print parse_ftp_pasv("227 Entering Passive Mode 10,0,0,5,195,80");
	print parse_ftp_epsv("229 Entering Extended Passive Mode (|||6446|)");
	print fmt_ftp_port(10.0.0.5, 50000/tcp);
	print decode_netbios_name("EJFDEBFEEBFACACACACACACACACACAAA");
	print decode_netbios_name_type("EJFDEBFEEBFACACACACACACACACACAAA");
	print decode_netbios_name_type("EJFDEBFEEBFACACACACACACACACACABN");
	}
