# str.format and the format() builtin.

assert "{} {}".format("a", "b") == "a b"
assert "{1} {0}".format("a", "b") == "b a"
assert "{0}{0}".format("xy") == "xyxy"
assert "{name}!".format(name="Bob") == "Bob!"
assert "{0[1]} {0[0]}".format(["x", "y"]) == "y x"
assert "{d[key]}".format(d={"key": 5}) == "5"
assert "{t[0]}".format(t=(9,)) == "9"

class Pt:
    def __init__(self):
        self.x = 1
        self.y = 2
assert "{p.x},{p.y}".format(p=Pt()) == "1,2"
assert "{0.x}".format(Pt()) == "1"
assert "{{}} {}".format(3) == "{} 3"
assert "{!r}".format("s") == "'s'"
assert "{!s:>4}".format(1) == "   1"
assert "{:>{w}}".format("a", w=3) == "  a"
assert "{:{f}^{w}}".format("a", f="*", w=5) == "**a**"
assert "{0:.{1}f}".format(3.14159, 2) == "3.14"
assert "{:,}".format(10 ** 6) == "1,000,000"
assert "{:08.3f}".format(-3.14159) == "-003.142"
assert "{:=10}".format(-5) == "-        5"
assert "{:x}".format(3735928559) == "deadbeef"
assert "{:#010b}".format(5) == "0b00000101"
assert "{:.3}".format(3.14159) == "3.14"
assert "{:.3}".format("abcdef") == "abc"
assert "{:10}|".format("left") == "left      |"
assert "{:10}|".format(7) == "         7|"   # numbers right-align by default
assert "{:<3}{:>3}".format(1, 2) == "1    2"

# Auto and manual numbering cannot be mixed.
for fmt in ("{} {0}", "{0} {}"):
    try:
        fmt.format(1, 2)
    except ValueError as e:
        assert "cannot switch" in str(e), str(e)
    else:
        raise AssertionError(fmt)
try:
    "{} {}".format(1)
except IndexError as e:
    assert str(e) == "Replacement index 1 out of range for positional args tuple", str(e)
else:
    raise AssertionError
try:
    "{missing}".format(present=1)
except KeyError as e:
    assert e.args == ("missing",)
else:
    raise AssertionError
try:
    "{".format()
except ValueError as e:
    assert str(e) == "Single '{' encountered in format string", str(e)
else:
    raise AssertionError
try:
    "}".format()
except ValueError as e:
    assert str(e) == "Single '}' encountered in format string", str(e)
else:
    raise AssertionError

# format_map.
assert "{a}-{b}".format_map({"a": 1, "b": 2}) == "1-2"
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
assert "{a} {zz}".format_map(Default(a=1)) == "1 <zz>"

# format() builtin.
assert format(3.14159, ".2f") == "3.14"
assert format(42) == "42"
assert format(42, "") == "42"
assert format("s", "^5") == "  s  "
assert format(255, "x") == "ff"
assert format(1e6, ",.1f") == "1,000,000.0"
assert format(True) == "True"
assert format(True, "d") == "1"
assert format(None) == "None"
assert format([1, 2]) == "[1, 2]"
assert format(-0.0, ".1f") == "-0.0"
assert format(0.5, ".0f") == "0"
assert format(1.5, ".0f") == "2"
assert format(123.456, ".1e") == "1.2e+02"
assert format(1234.5, "n") == "1234.5"
assert format(10, "c") == "\n"
try:
    format(1.5, "d")
except ValueError as e:
    assert str(e) == "Unknown format code 'd' for object of type 'float'", str(e)
else:
    raise AssertionError
try:
    format("abc", ",")
except ValueError as e:
    assert str(e) == "Cannot specify ',' with 's'.", str(e)
else:
    raise AssertionError

# __format__ dispatch and type(value).__format__.
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1]) + "F"
        return format(self.c, spec) + "C"
assert "{:.1fF}".format(Temp(100)) == "212.0F"
assert "{}".format(Temp(5)) == "5C"
assert format(Temp(1), "03") == "001C"
print("ok")

# bool formats as its int value once a spec is given (int.__format__); '' gives str(bool).
assert '{:5}'.format(True) == '    1'
assert format(True, '') == 'True' and format(False, 'd') == '0'
assert f'{True:>6}' == '     1' and f'{False:x}' == '0'
try:
    format(True, 's')
except ValueError as e:
    assert str(e) == "Unknown format code 's' for object of type 'bool'", e
else:
    raise AssertionError("format(True, 's') did not raise")
