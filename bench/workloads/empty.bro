# Nothing: the cost of starting the engine.
event bro_init()
	{
	print 0;
	}
