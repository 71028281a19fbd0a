# matching_subnets() lists the subnets that contain the one searched for,
# most specific first; check_subnet() wants the subnet itself;
# filter_subnet_table() keeps the elements that contain it.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global nets: set[subnet] = {
	10.0.0.0/8, 10.2.0.0/16, 10.2.0.2/31, 10.3.0.0/16, 5.0.0.0/8,
	[2607:f8b0:4007:807::]/64, [2607:f8b0:4007:807::200e]/128,
};

global names: table[subnet] of string;

event bro_init()
	{
	print matching_subnets(10.2.0.2/32, nets);
	print matching_subnets([2607:f8b0:4007:807::200e]/128, nets);
	print matching_subnets(2.2.2.2/32, nets);
	print matching_subnets(10.0.0.0/7, nets);
	print check_subnet(10.2.0.0/16, nets), check_subnet(10.2.0.0/17, nets), check_subnet(10.2.0.2/32, nets);

	names[10.0.0.0/8] = "ten";
	names[10.9.0.0/16] = "ten-nine";
	names[192.168.0.0/16] = "private";
	print filter_subnet_table(10.1.2.3/32, names);
	print check_subnet(192.168.0.0/16, names);
	}
