# A file column is written as the file's name; a function column as Bro's
# description of the function (its name, a newline, its body), escaped
# as any string column is.
# @TEST-EXEC: bro -b %INPUT
# @TEST-EXEC: grep -v '^#' test.log > test.log.body
# @TEST-EXEC: btest-diff test.log.body

module Test;

export {
	redef enum Log::ID += { LOG };
	type Info: record {
		f: file &log;
		fn: function(a: count): count &log;
	};
}

function dbl(a: count): count
	{
	return a + a;
	}

event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	local f = open("x.txt");
	Log::write(Test::LOG, [$f=f, $fn=dbl]);
	}
