# Searching and replacing in str: find/rfind/index/rindex/count/startswith/endswith/replace.

s = "hello world, hello python"
assert s.find("hello") == 0
assert s.find("hello", 1) == 13
assert s.find("hello", 1, 15) == -1
assert s.find("zzz") == -1
assert s.find("") == 0 and s.find("", 5) == 5 and s.find("", 100) == -1
assert s.rfind("hello") == 13
assert s.rfind("hello", 0, 12) == 0
assert s.rfind("") == len(s)
assert s.index("world") == 6
assert s.rindex("o") == 23
assert s.find("o", -5) == 23
assert s.find("h", -100) == 0
try:
    s.index("java")
except ValueError as e:
    assert str(e) == "substring not found"
else:
    raise AssertionError

assert s.count("hello") == 2
assert s.count("l") == 5
assert s.count("") == len(s) + 1
assert "aaaa".count("aa") == 2               # non-overlapping
assert s.count("l", 0, 5) == 2
assert "".count("a") == 0

assert s.startswith("hello") and not s.startswith("world")
assert s.startswith("world", 6)
assert s.startswith(("java", "hell"))
assert not s.startswith(())
assert s.endswith("python") and s.endswith(("x", "on"))
assert s.endswith("hello", 0, 18)
assert "".startswith("") and "abc".endswith("")
try:
    s.startswith(["hello"])
except TypeError as e:
    assert str(e) == "startswith first arg must be str or a tuple of str, not list", str(e)
else:
    raise AssertionError

assert s.replace("hello", "bye") == "bye world, bye python"
assert s.replace("hello", "bye", 1) == "bye world, hello python"
assert s.replace("hello", "bye", 0) == s
assert "aaa".replace("a", "b", -1) == "bbb"
assert "abc".replace("", "-") == "-a-b-c-"
assert "abc".replace("", "-", 2) == "-a-bc"
assert "".replace("", "x") == "x"
assert "abc".replace("x", "y") == "abc"
assert "ééé".replace("é", "e") == "eee"
assert "a.b.c".replace(".", "") == "abc"

# in / not in.
assert "world" in s and "World" not in s and "" in s
assert "é" in "café" and "fé" in "café"

# Unicode searching with indices counted in code points.
u = "日本語のテキスト日本"
assert u.find("テキスト") == 4
assert u.rfind("日本") == 8
assert u.count("日本") == 2
assert u.index("の") == 3
assert u[u.find("テ"):u.find("ト") + 1] == "テキスト"

# translate and maketrans.
table = str.maketrans("abc", "xyz")
assert "aabbcc".translate(table) == "xxyyzz"
table2 = str.maketrans({"a": "1", "b": None, "c": "33"})
assert "abcabc".translate(table2) == "133133"
table3 = str.maketrans("ab", "xy", "c")
assert "abcd".translate(table3) == "xyd"
assert "abc".translate({ord("a"): ord("A")}) == "Abc"
try:
    str.maketrans("abc", "xy")
except ValueError as e:
    assert str(e) == "the first two maketrans arguments must have equal length", str(e)
else:
    raise AssertionError

# encode.
assert "héllo".encode() == b"h\xc3\xa9llo"
assert "héllo".encode("utf-8") == b"h\xc3\xa9llo"
assert "abc".encode("ascii") == b"abc"
assert "héllo".encode("latin-1") == b"h\xe9llo"
assert "héllo".encode("ascii", "ignore") == b"hllo"
assert "héllo".encode("ascii", "replace") == b"h?llo"
assert "héllo".encode("ascii", "backslashreplace") == b"h\\xe9llo"
assert "€".encode("utf-8") == b"\xe2\x82\xac"
assert "😀".encode("utf-8") == b"\xf0\x9f\x98\x80"
assert "😀".encode("utf-16-le") == b"\x3d\xd8\x00\xde"
assert len("😀".encode("utf-32-le")) == 4
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    assert e.start == 0 and e.reason == "ordinal not in range(128)"
else:
    raise AssertionError

# Comparisons and ordering by code point.
assert "a" < "b" < "ba" < "c"
assert "Z" < "a" and "é" > "z"
assert max("hello") == "o" and min("hello") == "e"
assert sorted("bca") == ["a", "b", "c"]
assert "abc" * 2 == "abcabc" and 0 * "abc" == ""
print("ok")
