# str.split, rsplit, splitlines, join, partition, rpartition.

assert "a b  c".split() == ["a", "b", "c"]
assert "  lead and trail  ".split() == ["lead", "and", "trail"]
assert "".split() == [] and "   ".split() == []
assert "a\tb\nc\x0bd\x0ce\rf".split() == ["a", "b", "c", "d", "e", "f"]
assert "a,b,,c".split(",") == ["a", "b", "", "c"]
assert ",a,".split(",") == ["", "a", ""]
assert "".split(",") == [""]
assert "abc".split(",") == ["abc"]
assert "a::b::c".split("::") == ["a", "b", "c"]
assert "a,b,c,d".split(",", 2) == ["a", "b", "c,d"]
assert "a,b,c".split(",", 0) == ["a,b,c"]
assert "a,b,c".split(",", -1) == ["a", "b", "c"]
assert "  a b c  ".split(None, 1) == ["a", "b c  "]
assert "a b c".split(maxsplit=1) == ["a", "b c"]
assert "a,b,c".split(sep=",") == ["a", "b", "c"]
assert "a b c d".rsplit(None, 1) == ["a b c", "d"]
assert "  a b c  ".rsplit(None, 1) == ["  a b", "c"]
assert "a,b,c,d".rsplit(",", 2) == ["a,b", "c", "d"]
assert "a,b".rsplit(",") == ["a", "b"]
assert "aaa".split("a") == ["", "", "", ""]
assert "aaaa".split("aa") == ["", "", ""]
assert "héllo wörld".split("ö") == ["héllo w", "rld"]
try:
    "abc".split("")
except ValueError as e:
    assert str(e) == "empty separator"
else:
    raise AssertionError
try:
    "abc".split(1)
except TypeError as e:
    assert str(e) == "must be str or None, not int", str(e)
else:
    raise AssertionError

# splitlines.
text = "one\ntwo\r\nthree\rfour\n\nsix"
assert text.splitlines() == ["one", "two", "three", "four", "", "six"]
assert text.splitlines(keepends=True) == ["one\n", "two\r\n", "three\r", "four\n", "\n", "six"]
assert "".splitlines() == []
assert "x\n".splitlines() == ["x"]
assert "\n".splitlines() == [""]
assert "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines() == list("abcdefghi")
assert "a\n".split("\n") == ["a", ""]

# join.
assert ",".join(["a", "b", "c"]) == "a,b,c"
assert "".join([]) == ""
assert "-".join("xyz") == "x-y-z"
assert ", ".join(str(i) for i in range(3)) == "0, 1, 2"
assert "|".join(("single",)) == "single"
assert "ab".join(["1", "2", "3"]) == "1ab2ab3"
assert "\n".join({"k": 1}) == "k"
try:
    ",".join(["a", 2, "c"])
except TypeError as e:
    assert str(e) == "sequence item 1: expected str instance, int found", str(e)
else:
    raise AssertionError
try:
    ",".join(5)
except TypeError as e:
    assert str(e) == "can only join an iterable", str(e)
else:
    raise AssertionError
try:
    "".join([b"x"])
except TypeError as e:
    assert str(e) == "sequence item 0: expected str instance, bytes found", str(e)

# partition / rpartition.
assert "key=value=x".partition("=") == ("key", "=", "value=x")
assert "key=value=x".rpartition("=") == ("key=value", "=", "x")
assert "novalue".partition("=") == ("novalue", "", "")
assert "novalue".rpartition("=") == ("", "", "novalue")
assert "".partition("x") == ("", "", "")
assert "abcabc".partition("bc") == ("a", "bc", "abc")
try:
    "a".partition("")
except ValueError as e:
    assert str(e) == "empty separator"
else:
    raise AssertionError

# Round trips.
for s in ["a b c", "x,,y", "", "one"]:
    assert ",".join(s.split(",")) == s
words = "the quick brown fox jumps over the lazy dog".split()
assert len(words) == 9 and " ".join(words[::-1]).split()[0] == "dog"

# removeprefix / removesuffix.
assert "prefix_name".removeprefix("prefix_") == "name"
assert "name".removeprefix("x") == "name"
assert "file.txt".removesuffix(".txt") == "file"
assert "file.txt".removesuffix("") == "file.txt"
print("ok")
