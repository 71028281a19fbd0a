# A persistent master killed with SIGKILL while it writes keeps every
# write that a query had acknowledged: the writer puts keys in batches
# and prints how many are acknowledged each time an exists query after a
# batch answers; it is killed in the middle of the stream, and a second
# run finds every key up to the last number printed.
# @TEST-EXEC: cp %INPUT t.bro && $SCRIPTS/run-and-signal KILL ready bro -b t.bro >writer.out 2>writer.err; test $? -eq 137
# @TEST-EXEC: bro -b t.bro check=T acked=$(grep '^acked' writer.out | tail -1 | cut -d' ' -f2) >out 2>err
# @TEST-EXEC: btest-diff out
# @TEST-EXEC: btest-diff err

redef exit_only_after_terminate = T;

const check = F &redef;
const acked = 0 &redef;
const batch = 50;

global h: opaque of Broker::Store;
global next_key = 0;
global batches = 0;

global write_batch: event();

event write_batch()
	{
	local i = 0;
	while ( i < batch )
		{
		Broker::put(h, next_key, next_key * 2);
		++next_key;
		++i;
		}
	local upto = next_key;
	when ( local r = Broker::exists(h, upto - 1) )
		{
		print fmt("acked %d", upto);
		flush_all();
		++batches;
		if ( batches == 20 )
			{
			local f = open("ready");
			close(f);
			}
		event write_batch();
		}
	timeout 10sec
		{
		print "timeout";
		}
	}

event bro_init()
	{
	h = Broker::create_master("killed", Broker::SQLITE, [$sqlite=[$path="kill-db"]]);
	if ( ! check )
		{
		event write_batch();
		return;
		}

	print "acknowledged at least 20 batches", acked >= 20 * batch;
	when ( local k = Broker::keys(h) )
		{
		local present = k$result as set[count];
		local missing = 0;
		local i = 0;
		while ( i < acked )
			{
			if ( i !in present )
				++missing;
			++i;
			}
		print "acknowledged keys missing", missing;
		when ( local v = Broker::get(h, acked - 1) )
			{
			print "last acknowledged value right", (v$result as count) == 2 * (acked - 1);
			terminate();
			}
		timeout 10sec
			{
			print "timeout";
			}
		}
	timeout 10sec
		{
		print "timeout";
		}
	}
