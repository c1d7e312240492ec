# bytes and bytearray: construction, indexing, methods, decode, hex/fromhex.

b = b"hello"
assert b[0] == 104 and type(b[0]) is int
assert b[-1] == ord("o")
assert b[1:3] == b"el" and type(b[1:3]) is bytes
assert b[::-1] == b"olleh"
assert list(b) == [104, 101, 108, 108, 111]
assert len(b) == 5
assert b"ll" in b and 108 in b and 0 not in b
try:
    300 in b
except ValueError as e:
    assert str(e) == "byte must be in range(0, 256)", str(e)
else:
    raise AssertionError
try:
    "s" in b
except TypeError as e:
    assert str(e) == "a bytes-like object is required, not 'str'", str(e)
else:
    raise AssertionError

# Constructors.
assert bytes() == b""
assert bytes(3) == b"\x00\x00\x00"
assert bytes([65, 66, 67]) == b"ABC"
assert bytes(range(3)) == b"\x00\x01\x02"
assert bytes("héllo", "utf-8") == b"h\xc3\xa9llo"
assert bytes(b"copy") == b"copy"
assert bytes(bytearray(b"ba")) == b"ba"
try:
    bytes([256])
except ValueError as e:
    assert str(e) == "bytes must be in range(0, 256)", str(e)
else:
    raise AssertionError
try:
    bytes("no encoding")
except TypeError as e:
    assert str(e) == "string argument without an encoding", str(e)
else:
    raise AssertionError
try:
    bytes(-1)
except ValueError as e:
    assert str(e) == "negative count", str(e)
else:
    raise AssertionError

# Methods mirror str.
assert b"a,b,c".split(b",") == [b"a", b"b", b"c"]
assert b"  x y  ".split() == [b"x", b"y"]
assert b"-".join([b"a", b"b"]) == b"a-b"
assert b"  pad  ".strip() == b"pad"
assert b"xxhixx".strip(b"x") == b"hi"
assert b"Hello".upper() == b"HELLO" and b"Hello".lower() == b"hello"
assert b"hello world".title() == b"Hello World"
assert b"abc".replace(b"b", b"B") == b"aBc"
assert b"hello".find(b"l") == 2 and b"hello".rfind(b"l") == 3
assert b"hello".find(108) == 2
assert b"hello".count(b"l") == 2
assert b"hello".index(b"e") == 1
assert b"hello".startswith(b"he") and b"hello".endswith((b"x", b"lo"))
assert b"k=v".partition(b"=") == (b"k", b"=", b"v")
assert b"abc".center(7, b"*") == b"**abc**"
assert b"7".zfill(3) == b"007"
assert b"123".isdigit() and b"abc".isalpha() and b" ".isspace() and b"a1".isalnum()
assert b"line1\nline2".splitlines() == [b"line1", b"line2"]
assert b"ab" * 3 == b"ababab" and b"a" + b"b" == b"ab"
try:
    b"a" + "b"
except TypeError as e:
    assert str(e) == "can't concat str to bytes", str(e)
else:
    raise AssertionError

# decode.
assert b"h\xc3\xa9llo".decode() == "héllo"
assert b"h\xe9llo".decode("latin-1") == "héllo"
assert b"\xff\xfeok".decode("utf-8", "ignore") == "ok"
assert b"a\xffb".decode("utf-8", "replace") == "a\ufffdb"
assert b"a\xffb".decode("ascii", "backslashreplace") == "a\\xffb"
try:
    b"\xc3".decode("utf-8")
except UnicodeDecodeError as e:
    assert str(e) == "'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data", str(e)
else:
    raise AssertionError

# hex / fromhex.
assert b"\x00\xff\x10".hex() == "00ff10"
assert b"\xde\xad\xbe\xef".hex(":") == "de:ad:be:ef"
assert b"\xde\xad\xbe\xef".hex("-", 2) == "dead-beef"
assert bytes.fromhex("00ff10") == b"\x00\xff\x10"
assert bytes.fromhex("de ad  BE ef") == b"\xde\xad\xbe\xef"
assert bytes.fromhex("") == b""
try:
    bytes.fromhex("abc")
except ValueError as e:
    assert str(e) == "non-hexadecimal number found in fromhex() arg at position 3", str(e)
else:
    raise AssertionError

# repr.
assert repr(b"abc") == "b'abc'"
assert repr(b"\x00\t\n\r\x7f\x80") == "b'\\x00\\t\\n\\r\\x7f\\x80'"
assert repr(b"it's") == 'b"it\'s"'
assert repr(b"\\") == "b'\\\\'"

# Comparison and hashing.
assert b"abc" < b"abd" and b"" < b"\x00" and b"b" > b"abc"
assert b"abc" == bytearray(b"abc")
assert b"abc" != "abc"
assert hash(b"abc") == hash(b"abc")

# bytearray is mutable.
ba = bytearray(b"hello")
ba[0] = ord("j")
assert ba == b"jello"
ba.append(33)
ba.extend(b"??")
assert ba == bytearray(b"jello!??")
del ba[-2:]
ba[1:3] = b"EE"
assert ba == b"jEElo!"
assert ba.pop() == ord("!")
ba.insert(0, 62)
assert bytes(ba) == b">jEElo"
ba.reverse()
assert ba == b"olEEj>"
ba.remove(ord("E"))
assert ba == b"olEj>"
ba += b"++"
ba *= 2
assert ba == b"olEj>++olEj>++"
ba.clear()
assert ba == bytearray() and len(ba) == 0
try:
    bytearray(b"a")[0] = 256
except ValueError as e:
    assert str(e) == "byte must be in range(0, 256)", str(e)
else:
    raise AssertionError
try:
    b"immutable"[0] = 1
except TypeError as e:
    assert str(e) == "'bytes' object does not support item assignment"
else:
    raise AssertionError
assert repr(bytearray(b"x")) == "bytearray(b'x')"
assert bytearray(3) == b"\x00\x00\x00"
try:
    hash(bytearray())
except TypeError as e:
    assert str(e) == "unhashable type: 'bytearray'"

# % formatting and int conversions.
assert b"%d:%s" % (5, b"x") == b"5:x"
assert int.from_bytes(b"\x01\x00", "big") == 256
print("ok")
