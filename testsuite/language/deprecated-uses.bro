# Each use of a &deprecated item draws a warning when the script is
# read: a type, an enum constant's type, an event (event statement,
# schedule and handler), a hook call, and a record field (constructor,
# read, assignment and ?$).
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type blah: string &deprecated;

global my_event: event(arg: string) &deprecated;

global my_hook: hook(arg: string) &deprecated;

type my_record: record {
	a: count &default = 1;
	b: string &optional &deprecated;
};

event my_event(arg: string)
	{
	print arg;
	}

function hmm(b: blah)
	{
	print b;
	}

global l: blah = "licious";

event bro_init()
	{
	event my_event("generate my_event please");
	schedule 1sec { my_event("schedule my_event please") };
	hook my_hook("generate my_hook please");
	local mr = my_record($a = 3, $b = "deprecated field");
	print mr$a;
	print mr$b;
	mr$b = "setting deprecated field";
	print mr?$b;
	hmm(l);
	}
