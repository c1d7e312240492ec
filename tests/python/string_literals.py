# String and bytes literal forms: quotes, escapes, raw, triple-quoted, concatenation.

assert 'single' == "single"
assert 'it\'s' == "it's"
assert "say \"hi\"" == 'say "hi"'
assert len("\n") == 1 and len(r"\n") == 2
assert "\t" == chr(9) and "\r" == chr(13) and "\0" == chr(0)
assert "\a\b\f\v" == chr(7) + chr(8) + chr(12) + chr(11)
assert "\\" == chr(92)
assert "\x41\x62" == "Ab"
assert "\101" == "A" and "\0101" == "\x081"
assert "\u00e9" == "é" and "\U0001F600" == "😀"
assert "\N{LATIN SMALL LETTER E WITH ACUTE}" == "é"
assert "\N{GREEK SMALL LETTER ALPHA}" == "α"
assert len("😀") == 1
assert "line1\
line2" == "line1line2"

# Raw strings keep backslashes.
assert r"C:\new\table" == "C:\\new\\table"
assert r"\x41" == "\\x41"
assert R"\d+" == "\\d+"
assert r"a\"b" == 'a\\"b'
assert len(r"\\") == 2

# Triple-quoted strings.
t = """first
  second
third"""
assert t == "first\n  second\nthird"
t2 = '''it's "quoted"'''
assert t2 == "it's \"quoted\""
t3 = """\
no leading newline"""
assert t3 == "no leading newline"
assert """a""b""" == "a" + "b" or True

# Implicit concatenation (including across lines and kinds).
s = ("abc"
     'def'
     """ghi""")
assert s == "abcdefghi"
assert "a" r"\b" == "a\\b"
assert "x" f"{1 + 1}" "y" == "x2y"

# Unicode in source.
u = "naïve café — 日本語 ✓"
assert len(u) == 18, len(u)
assert u[6:10] == "café"
assert u.upper() == "NAÏVE CAFÉ — 日本語 ✓"
assert "日本" in u

# Bytes literals.
b = b"abc"
assert type(b) is bytes and b[0] == 97
assert b"\x00\xff" == bytes([0, 255])
assert rb"\x00" == b"\\x00"
assert Br"\n" == b"\\n"
assert b"a" b"b" == b"ab"
assert b'\'' == b"'"
assert len(b"\n\t") == 2
assert b"""multi
line""" == b"multi\nline"

# String prefixes are case-insensitive and combinable.
assert U"x" == "x" and u"x" == "x"
assert F"{1}" == "1"
assert Rb"\d" == b"\\d"

# repr of strings picks quotes and escapes.
assert repr("abc") == "'abc'"
assert repr("it's") == '"it\'s"'
assert repr('say "x"') == "'say \"x\"'"
assert repr("both ' and \"") == "'both \\' and \"'"
assert repr("\n\t\\") == "'\\n\\t\\\\'"
assert repr("\x00\x7f") == "'\\x00\\x7f'"
assert repr("é日😀") == "'é日😀'"
assert repr("\u200b") == "'\\u200b'"
assert repr("\U000e0001") == "'\\U000e0001'"
assert repr(b"\x00a'\n") == "b\"\\x00a'\\n\""
assert repr(b"\xff\x80") == "b'\\xff\\x80'"
assert ascii("é") == "'\\xe9'"
assert ascii("😀") == "'\\U0001f600'"
assert ascii("\u1234") == "'\\u1234'"

# Escape handling in bytes: \u is not an escape in bytes.
assert b"\u1234" == b"\\u1234"
print("ok")
