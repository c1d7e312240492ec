# Indexing and slicing of str, negative indices, steps, unicode, immutability, iteration.

s = "abcdefghij"
assert s[0] == "a" and s[-1] == "j" and s[-10] == "a"
assert s[2:5] == "cde"
assert s[:3] == "abc" and s[7:] == "hij" and s[:] == s
assert s[-3:] == "hij" and s[:-3] == "abcdefg"
assert s[::2] == "acegi" and s[1::2] == "bdfhj"
assert s[::-1] == "jihgfedcba"
assert s[::-2] == "jhfdb"
assert s[8:2:-2] == "ige"
assert s[-2:-8:-3] == "if"
assert s[5:2] == "" and s[100:] == "" and s[-100:2] == "ab"
assert s[3:3] == ""
assert s[2:100] == "cdefghij"
assert s[::100] == "a"
assert s[slice(1, 4)] == "bcd"
assert s[slice(None, None, -3)] == "jgda"
try:
    s[10]
except IndexError as e:
    assert str(e) == "string index out of range"
else:
    raise AssertionError
try:
    s[::0]
except ValueError as e:
    assert str(e) == "slice step cannot be zero", str(e)
else:
    raise AssertionError

# Full slice equivalence with lists for many combinations.
lst = list(s)
for start in (None, -12, -5, -1, 0, 1, 4, 9, 10, 12):
    for stop in (None, -12, -5, -1, 0, 1, 4, 9, 10, 12):
        for step in (None, -3, -2, -1, 1, 2, 3):
            assert s[start:stop:step] == "".join(lst[start:stop:step]), (start, stop, step)

# Unicode: indexing by code point.
u = "añb€c😀d"
assert len(u) == 7
assert u[1] == "ñ" and u[3] == "€" and u[5] == "😀" and u[-1] == "d"
assert u[::-1] == "d😀c€bña"
assert u[1:6:2] == "ñ€😀"
assert [c for c in u] == ["a", "ñ", "b", "€", "c", "😀", "d"]
assert "".join(reversed(u)) == u[::-1]
assert ord(u[5]) == 0x1F600 and chr(0x1F600) == u[5]
mixed = "x" * 1000 + "é" + "y" * 1000
assert mixed[1000] == "é" and mixed[999] == "x" and mixed[1001] == "y"
assert mixed[-1001] == "é"
assert len(mixed) == 2001

# Immutability.
try:
    s[0] = "z"
except TypeError as e:
    assert str(e) == "'str' object does not support item assignment"
else:
    raise AssertionError

# Concatenation and repetition create new strings.
t = s
t += "k"
assert s == "abcdefghij" and t == "abcdefghijk"
assert "ab" * 3 == "ababab" and "-" * 0 == ""
assert "" + "" == ""

# Iteration and membership.
assert list("abc") == ["a", "b", "c"]
assert "c" in "abc" and "ac" not in "abc"
assert sum(1 for ch in "mississippi" if ch == "s") == 4

# len of various strings.
assert len("") == 0 and len("\n") == 1 and len("日本語") == 3 and len("😀😀") == 2

# str() of various objects and str constructor forms.
assert str() == ""
assert str(123) == "123" and str(-1.5) == "-1.5" and str(None) == "None"
assert str(b"ab") == "b'ab'"
assert str(b"caf\xc3\xa9", "utf-8") == "café"
assert str(b"caf\xe9", "latin-1") == "café"
assert str(b"\xff", "utf-8", "replace") == "\ufffd"
assert str(b"a\xffb", encoding="utf-8", errors="ignore") == "ab"
assert str([1, "a"]) == "[1, 'a']"

# Character codes.
assert ord("a") == 97 and chr(97) == "a"
assert ord("€") == 8364 and chr(8364) == "€"
assert chr(0) == "\x00" and chr(0x10FFFF) == "\U0010ffff"
assert "".join(chr(c) for c in range(65, 70)) == "ABCDE"
assert [ord(c) for c in "hé"] == [104, 233]

# String methods returning new objects do not modify the original.
orig = "Hello"
up = orig.upper()
assert orig == "Hello" and up == "HELLO"

# Comparison with non-strings.
assert ("1" == 1) is False and ("a" != None) is True
print("ok")
