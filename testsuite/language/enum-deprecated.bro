# Enum constants may be declared &deprecated, with or without an
# explicit value; each use of one draws a warning.
# @TEST-EXEC: cp %INPUT t.bro && bro -b t.bro >output 2>&1
# @TEST-EXEC: btest-diff output

type E: enum { A, B &deprecated, C = 3 &deprecated };

print A, B;
print C;
