# 200,000 records appended to a vector, then summed.
type Rec: record {
	id: count;
	name: string;
};

event bro_init()
	{
	local v: vector of Rec = vector();
	local i = 0;
	while ( i < 200000 )
		{
		v[|v|] = Rec($id = i, $name = "rec");
		i = i + 1;
		}
	local sum = 0;
	for ( j in v )
		sum = sum + v[j]$id;
	print |v|, sum;
	}
