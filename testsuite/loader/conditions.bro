# @if, @ifdef and @ifndef are decided when they are reached, with the
# globals declared and initialized so far, also inside function bodies;
# @else and nesting work in both places, and a skipped region may hold
# anything that scans.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global a = 1;

@ifdef ( b )
global early = "b was declared";
@else
global early = "b not declared yet";
@endif

global b = 2;

@ifdef ( b )
global late = "b is declared now";
@endif

@ifndef ( c )
global c = 3;
@endif

@ifndef ( c )
global c = 4;
@endif

@if ( a == 1 && c == 3 )
global both = T;
@else
global both = F;
@endif

@if ( F )
@if ( T )
global never = 1;
this is not Bro at all, but it is skipped
@endif
global never_either = 2;
@endif

function f(): string
	{
@if ( a == 2 )
	return "a is 2";
@else
@ifdef ( never )
	return "never";
@endif
@ifdef ( g )
	return "g is declared";
@endif
	return "a is not 2, g not declared yet";
@endif
	}

global g = 5;

function h(): string
	{
@ifdef ( g )
	return "g is declared";
@else
	return "no g";
@endif
	}

event bro_init()
	{
	print early, late, c, both, f(), h();
@ifdef ( never_either )
	print "never_either";
@endif
	}
