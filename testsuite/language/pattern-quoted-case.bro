# In a case-insensitive pattern a quoted string still matches only as
# written: Bro's pattern grammar leaves a string's characters alone, "a
# way of escaping out of insensitivity". The rest of the pattern, classes
# included, ignores case.
# @TEST-EXEC: bro -b %INPUT >output 2>&1
# @TEST-EXEC: btest-diff output

print /"fOO"/i in "xFoObar", /"fOO"/i in "xfOObar";
print /f"OO"/i in "xFOObar", /f"OO"/i in "xFoobar";
print /fOO/i in "xFoObar", /[a-c]"x"/i in "Bx", /[a-c]"x"/i in "BX";
print /"fOO"/i == "fOO", /"fOO"/i == "foo", /a"B"c/i == "AbC", /a"B"c/i == "ABC";
print /"fOO"/ in "xfoo";
