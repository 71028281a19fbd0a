# An IPv6 literal may begin with "0x" on its first group, which Bro's
# scanner drops: [0xaaaa::bbbb] is aaaa::bbbb, in subnets too.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

print [0xaaaa::bbbb];
print [0xaaaa::bbbb] == [aaaa::bbbb];
print [0x1:2::]/32;
