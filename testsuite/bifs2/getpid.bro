# getpid() is the process id: the parent of the shell system() starts.
# @TEST-EXEC: bro -b %INPUT >pid 2>&1
# @TEST-EXEC: sleep 1
# @TEST-EXEC: cmp pid ppid

event bro_init()
	{
	print getpid();
	system("echo $PPID >ppid");
	}
