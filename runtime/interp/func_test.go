package interp

import "testing"

// A call's frame starts with every local unset, even when an earlier
// call of the same function (whose frame may be reused) set them, and
// recursion gives each active call its own locals.
func TestCallFramesStartAfresh(t *testing.T) {
	src := `
function f(first: bool, depth: count): count
	{
	local mine = depth * 10;
	if ( first )
		{
		local later = 7;
		if ( depth < 3 )
			f(T, depth + 1);
		return mine;
		}
	return later;
	}
event bro_init()
	{
	print f(T, 0);
	print f(F, 0);
	print f(T, 0);
	}
`
	out, errs := run(t, src)
	// What f(F, 0) gives must not depend on the calls before it.
	fresh, freshErrs := run(t, `
function f(first: bool, depth: count): count
	{
	local mine = depth * 10;
	if ( first )
		{
		local later = 7;


		return mine;
		}
	return later;
	}
event bro_init()
	{
	print 0;
	print f(F, 0);
	print 0;
	}
`)
	if out != fresh || errs != freshErrs {
		t.Errorf("got %q %q, want %q %q", out, errs, fresh, freshErrs)
	}
}
