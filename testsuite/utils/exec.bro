# Exec::run inside "when": real commands through /bin/sh, one after the
# other; standard input, output and error; the exit status and a signal;
# files read back and removed.
# @TEST-EXEC: bro -b %INPUT >output 2>errors
# @TEST-EXEC: btest-diff output
# @TEST-EXEC: btest-diff errors

@load base/utils/exec

redef exit_only_after_terminate = T;

function killed()
	{
	when ( local r = Exec::run([$cmd="echo FML; kill -9 $$; echo nope"]) )
		{
		# Not signal_exit: the raw reader of Bro 2.x set it to F for a
		# signal too, and which releases did is not settled here.
		print "signal", r$exit_code, r$stdout, r?$stderr, r?$files;
		terminate();
		}
	}

function read_back()
	{
	when ( local r = Exec::run([$cmd="printf 'one\\ntwo' >out1.txt; : >out2.txt; echo made",
	                            $read_files=set("out1.txt", "out2.txt")]) )
		{
		print "files", r$exit_code, r$stdout, r$files["out1.txt"], |r$files["out2.txt"]|;
		print r?$stderr, file_size("out1.txt"), file_size("out2.txt");
		killed();
		}
	}

function with_stdin()
	{
	when ( local r = Exec::run([$cmd="read line; echo \"got $line\"; echo oops >&2; exit 3",
	                            $stdin="hello"]) )
		{
		print "stdin", r;
		read_back();
		}
	}

event bro_init()
	{
	when ( local r = Exec::run([$cmd="echo hello world"]) )
		{
		print "echo", r;
		with_stdin();
		}
	}
