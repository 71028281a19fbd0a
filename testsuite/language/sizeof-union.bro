# Inside |...| a bar followed by an operand is the set union operator,
# the outer bars pairing up: |a | b| is the size of a | b.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

global a = set(1, 2);
global b = set(2, 3);
print |a | b|;
print |a & b|, |a| + |b|;
