# to_json of a record (whose fields Bro 2.6's script walks through the
# table record_fields makes) and of a table and a set: members in the
# order of Bro's dictionaries. The baseline is what tools/dictorder.py
# json-order prints (see containers/order-types.bro).
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

@load base/utils/json

type Info: record {
	host: addr;
	port_num: count;
	service: string;
	tags: set[string];
	count_of_things: count;
};

event bro_init()
	{
	print to_json(Info($host=10.0.0.1, $port_num=80, $service="http", $tags=set("web", "prod", "edge"), $count_of_things=3));
	print to_json(table(["alpha"] = 1, ["beta"] = 2, ["gamma"] = 3, ["delta"] = 4));
	}
