# A "when" started in another's timeout block sets its timeout timer at
# once: the timer manager's round that is firing timers fires it too
# when it is due (Bro's TimerMgr::Advance and Expire take the queue's top
# again after each timer), before the queue is drained. At the end of a
# run every pending timeout fires, however deep the chain.
# @TEST-EXEC: bro -b chain.bro >chain 2>&1
# @TEST-EXEC: btest-diff chain
# @TEST-EXEC: bro -b due.bro >due 2>&1
# @TEST-EXEC: btest-diff due

@TEST-START-FILE chain.bro
event bro_init()
	{
	when ( F )
		print "body 1";
	timeout 1hr
		{
		print "timeout 1";
		when ( F )
			print "body 2";
		timeout 1hr
			{
			print "timeout 2";
			when ( F )
				print "body 3";
			timeout 1hr
				{
				print "timeout 3";
				}
			}
		}
	}

event bro_done()
	{
	print "bro_done";
	}
@TEST-END-FILE

@TEST-START-FILE due.bro
redef exit_only_after_terminate = T;

event queued()
	{
	print "queued event";
	terminate();
	}

event bro_init()
	{
	when ( F )
		print "body 1";
	timeout 10msec
		{
		print "timeout 1";
		event queued();
		when ( F )
			print "body 2";
		timeout 0secs
			{
			print "timeout 2";
			}
		}
	}
@TEST-END-FILE
