function f(n: count): count { if ( n == 0 ) return 0; return 1 + f(n - 1); }
event bro_init() { print f(9000); print f(20000); print "after"; }
