# Only a unary minus or plus directly on a constant folds: on a
# constant's name it is not a constant label.
# @TEST-EXEC-FAIL: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

const two = 2;

function f(i: int): string
	{
	switch ( i ) {
	case -two:
		return "minus two";
	default:
		return "other";
	}
	}
