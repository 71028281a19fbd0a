# A bracket list whose first element is a record is a record
# constructor to Bro's grammar, which refuses each element that is not
# "$f = e", naming the constructor and the element.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type C: record {
	cmd: string;
};

event bro_init()
	{
	local c = [[$cmd="echo hi"]];
	local r = C($cmd="x");
	local d = [r];
	}
