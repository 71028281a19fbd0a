# With no script named and no -e, the script is read from standard input,
# as a file called "<stdin>" (relative @loads are against the current
# directory); a script named "-" is standard input too.
# @TEST-EXEC: bro -b <%INPUT >output 2>&1
# @TEST-EXEC: bro -b - <bad.bro >>output 2>&1 || echo "exit status $?" >>output
# @TEST-EXEC: btest-diff output

@load ./helper

event bro_init()
	{
	print "from", @FILENAME;
	}

@TEST-START-FILE helper.bro
print "helper", @FILENAME;
@TEST-END-FILE

@TEST-START-FILE bad.bro
global x: count = "a";
@TEST-END-FILE
