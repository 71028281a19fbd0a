# A global of a table type initialized by an anonymous table() of other
# index types: Bro evaluates the elements into the declared table, whose
# hash takes any index with the same internal representation. A count
# keys a table of ports (as the port with that internal number), a port
# a table of counts, a bool a table of ints, a double a table of times.
# A redef with such a constructor does the same.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global three = 3;
global ports: table[port] of count = table([three] = 3, [65616] = 4, [131125] = 5);
global counts: table[count] of string = table([53/udp] = "dns", [7/tcp] = "echo");
global ints: table[int, string] of count = table([T, "a"] = 1);
global times: table[time] of count = table([1.5] = 1);
global redefined: table[port] of string &redef;
redef redefined = table([22] = "ssh");

print ports;
print counts;
print ints;
print times;
print redefined;
