# Case conversion, stripping, padding and predicates of str.

assert "Hello World".upper() == "HELLO WORLD"
assert "Hello World".lower() == "hello world"
assert "hello world".title() == "Hello World"
assert "they're bill's friends".title() == "They'Re Bill'S Friends"
assert "hello world".capitalize() == "Hello world"
assert "HELLO wORLD".capitalize() == "Hello world"
assert "Hello World".swapcase() == "hELLO wORLD"
assert "Straße".casefold() == "strasse"
assert "Straße".lower() == "straße"
assert "straße".upper() == "STRASSE"
assert "ǅungla".lower() == "ǆungla" and "ǆ".upper() == "Ǆ"
assert "İ".lower() == "i̇" and len("İ".lower()) == 2
assert "ÉCOLE".lower() == "école" and "ñ".upper() == "Ñ"
assert "σ".upper() == "Σ"
assert "123abc".upper() == "123ABC"
assert "".upper() == ""

# strip family.
assert "  hi  ".strip() == "hi"
assert "  hi  ".lstrip() == "hi  "
assert "  hi  ".rstrip() == "  hi"
assert "\t\n hi \r\x0b\x0c".strip() == "hi"
assert "xxhixx".strip("x") == "hi"
assert "abcHIcba".strip("abc") == "HI"
assert "www.example.com".lstrip("w.") == "example.com"
assert "file.py...".rstrip(".") == "file.py"
assert "hi".strip("") == "hi"
assert "\u3000wide space\u3000".strip() == "wide space"
assert "  ".strip() == ""

# Padding.
assert "ab".center(6) == "  ab  "
assert "ab".center(5) == "  ab "       # odd padding: the extra space goes left when width is odd
assert "abc".center(6) == " abc  "     # ... and right when width is even
assert "a".center(4) == " a  "
assert "abc".center(4, "*") == "abc*"
assert "abc".center(6, "*") == "*abc**"
assert "ab".center(1) == "ab"
assert "ab".ljust(5, "-") == "ab---"
assert "ab".rjust(5) == "   ab"
assert "ab".rjust(1) == "ab"
assert "42".zfill(5) == "00042"
assert "-42".zfill(6) == "-00042"
assert "+7".zfill(4) == "+007"
assert "abc".zfill(2) == "abc"
assert "".zfill(3) == "000"
try:
    "a".center(5, "ab")
except TypeError as e:
    assert str(e) == "The fill character must be exactly one character long", str(e)
else:
    raise AssertionError

# expandtabs.
assert "a\tb".expandtabs() == "a       b"
assert "a\tb".expandtabs(4) == "a   b"
assert "ab\tc\td".expandtabs(3) == "ab c  d"
assert "x\n\ty".expandtabs(2) == "x\n  y"
assert "\t".expandtabs(0) == ""

# Predicates.
assert "123".isdigit() and "123".isdecimal() and "123".isnumeric()
assert "²".isdigit() and not "²".isdecimal() and "²".isnumeric()
assert "½".isnumeric() and not "½".isdigit()
assert "٣".isdecimal()
assert not "1.5".isdigit() and not "".isdigit() and not "-1".isdecimal()
assert "abc".isalpha() and "héllo".isalpha() and not "ab1".isalpha() and not "".isalpha()
assert "ab1".isalnum() and not "ab 1".isalnum()
assert "   \t\n".isspace() and not "".isspace() and not " a ".isspace()
assert "abc".islower() and not "aBc".islower() and "a1".islower() and not "1".islower()
assert "ABC".isupper() and not "AbC".isupper()
assert "Hello World".istitle() and not "Hello world".istitle() and not "".istitle()
assert "valid_name".isidentifier() and "_x1".isidentifier() and "été".isidentifier()
assert not "1abc".isidentifier() and not "a-b".isidentifier() and not "".isidentifier()
assert "class".isidentifier()          # keywords are still identifiers
assert "abc".isascii() and not "é".isascii() and "".isascii()
assert "printable".isprintable() and not "tab\t".isprintable() and "".isprintable()

# Case-insensitive comparison idioms.
assert "HeLLo".lower() == "hello".lower()
assert sorted(["b", "A", "c"], key=str.lower) == ["A", "b", "c"]
assert sorted(["b", "A", "c"]) == ["A", "b", "c"]
assert sorted(["b", "a", "C"]) == ["C", "a", "b"]
print("ok")
