# String slices s[a:b] are end-exclusive; a negative bound counts from the
# end; bounds beyond the string are clamped; an omitted bound is the start
# or the end. A single index out of range gives "". Vectors have no slices
# in Bro 2.6.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

event bro_init()
	{
	local s = "abcdef";
	print s[1:3], s[:2], s[4:], s[:], s[0:0];
	print s[-2:], s[:-2], s[-3:-1], s[2:-2];
	print s[3:1], s[-10:2], s[4:100], s[-100:-50], s[10:20];
	print s[2], s[-1], s[-6], s[6], s[-7];
	local i = 1;
	local c: count = 4;
	print s[i:c], s[i + 1:c + 1];
	print "x" + s[1:2] + "y";
	}
