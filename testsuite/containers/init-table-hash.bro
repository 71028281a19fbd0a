# A global of a table type initialized by an anonymous table() of other
# index types: Bro evaluates the elements into the declared table, whose
# hash takes any index with the same internal representation (CompHash.cc
# compares internal types only). A count keys a table of ports as the
# port with that internal number (CompHash.cc recovers it with
# port_mgr->Get: 3 is 3/unknown, 65616 = 0x10050 is 80/tcp, 131125 =
# 0x20035 is 53/udp), a port a table of counts, a bool a table of ints,
# a double a table of times. A redef with such a constructor does the
# same, and so does a second declaration of a &redef global (the same
# make_var, after its warning), whose table then holds only the new
# elements. The constructor's attributes become the global's (make_var adds
# them to the identifier, whose table is made with them). Lookups, not whole tables, so that no line depends on the order
# of a table's walk.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

global three = 3;
global ports: table[port] of count = table([three] = 3, [65616] = 4, [131125] = 5);
global counts: table[count] of string = table([53/udp] = "dns", [7/tcp] = "echo");
global ints: table[int, string] of count = table([T, "a"] = 1);
global times: table[time] of count = table([1.5] = 1);
global redefined: table[port] of string &redef;
redef redefined = table([22] = "ssh");
global defaulted: table[port] of string = table([1] = "a") &default="none";
global declared_again: table[port] of string = table([22/tcp] = "a") &redef;
global declared_again: table[port] of string = table([22] = "ssh");

print |ports|, ports[3/unknown], ports[80/tcp], ports[53/udp];
print 3/unknown in ports, 3/tcp in ports, 80/udp in ports;
print |counts|, counts[131125], counts[65543];
print |ints|, ints[1, "a"];
print |times|, times[double_to_time(1.5)];
print |redefined|, redefined[22/unknown];
print defaulted[1/unknown], defaulted[5/tcp];
print |declared_again|, declared_again[22/unknown], 22/tcp in declared_again;
