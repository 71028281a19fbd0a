# Recursive Fibonacci: function calls and count arithmetic.
function fib(n: count): count
	{
	if ( n < 2 )
		return n;
	return fib(n - 1) + fib(n - 2);
	}

event bro_init()
	{
	print fib(30);
	}
