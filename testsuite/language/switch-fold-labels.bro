# Case labels fold a unary minus or plus on a constant, and the name of a
# global constant, into constants, as Bro's switch does.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

const two = 2;
const three: int = 3;

function f(i: int): string
	{
	switch ( i ) {
	case -1:
		return "minus one";
	case +4:
		return "plus four";
	case two:
		return "two";
	case three, -(5):
		return "three or minus five";
	default:
		return "other";
	}
	}

event bro_init()
	{
	print f(-1), f(4), f(2), f(3), f(-5), f(0);
	}
