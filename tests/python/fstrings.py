# f-strings: expressions, conversions, format specs, nesting, '=' debugging form.

name = "World"
n = 42
pi = 3.14159265
assert f"Hello, {name}!" == "Hello, World!"
assert f"{n}" == "42"
assert f"{n + 1}" == "43"
assert f"{{literal}}" == "{literal}"
assert f"{{{n}}}" == "{42}"
assert f"" == ""
assert f"{'nested quotes'}" == "nested quotes"
assert f"{name!r}" == "'World'"
assert f"{name!s}" == "World"
assert f"{'é'!a}" == "'\\xe9'"
assert f"{pi:.2f}" == "3.14"
assert f"{pi:10.3f}" == "     3.142"
assert f"{pi:<10.1f}|" == "3.1       |"
assert f"{n:5d}" == "   42"
assert f"{n:<5}|" == "42   |"
assert f"{n:^6}" == "  42  "
assert f"{n:*^7}" == "**42***"
assert f"{n:05d}" == "00042"
assert f"{-n:05d}" == "-0042"
assert f"{n:+d}" == "+42"
assert f"{n: d}" == " 42"
assert f"{n:x}" == "2a" and f"{n:X}" == "2A" and f"{n:#x}" == "0x2a"
assert f"{n:o}" == "52" and f"{n:#o}" == "0o52"
assert f"{n:b}" == "101010" and f"{n:#b}" == "0b101010"
assert f"{n:08b}" == "00101010"
assert f"{1234567:,}" == "1,234,567"
assert f"{1234567:_}" == "1_234_567"
assert f"{0xFFFFFFFF:_x}" == "ffff_ffff"
assert f"{1234567.891:,.2f}" == "1,234,567.89"
assert f"{0.25:%}" == "25.000000%"
assert f"{0.256:.1%}" == "25.6%"
assert f"{12345.678:e}" == "1.234568e+04"
assert f"{12345.678:.2E}" == "1.23E+04"
assert f"{0.0001234:g}" == "0.0001234"
assert f"{123456789.0:g}" == "1.23457e+08"
assert f"{1.0:g}" == "1"
assert f"{65:c}" == "A"
assert f"{'abc':>5}" == "  abc"
assert f"{'abc':.2}" == "ab"
assert f"{'abc':-^9}" == "---abc---"
assert f"{3:=+5}" == "+   3"
assert f"{True}" == "True"
assert f"{None}" == "None"
assert f"{[1, 'a']}" == "[1, 'a']"
assert f"{ {'k': 1} }" == "{'k': 1}"

# Nested replacement fields in the format spec.
width, prec = 10, 3
assert f"{pi:{width}.{prec}f}" == "     3.142"
assert f"{'x':{'>'}{width}}" == "         x"
fill = "0"
assert f"{7:{fill}>3}" == "007"

# Expressions: calls, subscripts, attribute access, conditional, lambda in parens.
items = [1, 2, 3]
d = {"key": "value"}
assert f"{len(items)} items, first={items[0]}, {d['key']}" == "3 items, first=1, value"
assert f"{'yes' if n > 40 else 'no'}" == "yes"
assert f"{(lambda x: x * 2)(5)}" == "10"
assert f"{name.upper()}" == "WORLD"
assert f"{n:{'d'}}" == "42"
assert f"{','.join(str(i) for i in items)}" == "1,2,3"

# '=' self-documenting form.
x = 10
assert f"{x=}" == "x=10"
assert f"{x = }" == "x = 10"
assert f"{x*2=}" == "x*2=20"
assert f"{name=}" == "name='World'"
assert f"{name=!s}" == "name=World"
assert f"{pi=:.2f}" == "pi=3.14"

# Concatenation with normal and raw strings.
assert f"a{n}" "b" f"{n}c" == "a42b42c"
assert rf"\n{n}" == "\\n42"
assert fr"{n}\t" == "42\\t"
assert f"tab\t{n}" == "tab\t42"

# Multi-line (triple-quoted) f-strings.
block = f"""line1 {n}
line2 {name}"""
assert block == "line1 42\nline2 World"

# __format__ on user classes.
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "usd":
            return "$%.2f" % self.v
        return format(self.v, spec)
    def __str__(self):
        return "Money(%s)" % self.v
    def __repr__(self):
        return "<Money>"
m = Money(3.5)
assert f"{m:usd}" == "$3.50"
assert f"{m:.1f}" == "3.5"
assert f"{m}" == "3.5"             # format(m, '') calls __format__ with ''
assert f"{m!s}" == "Money(3.5)"
assert f"{m!r}" == "<Money>"

# Invalid format specs.
try:
    f"{n:q}"
except ValueError as e:
    assert str(e) == "Unknown format code 'q' for object of type 'int'", str(e)
else:
    raise AssertionError
try:
    f"{'s':d}"
except ValueError as e:
    assert str(e) == "Unknown format code 'd' for object of type 'str'", str(e)
else:
    raise AssertionError
try:
    f"{object():>5}"
except TypeError as e:
    assert str(e) == "unsupported format string passed to object.__format__", str(e)
else:
    raise AssertionError

# Formatting of floats and big ints.
assert f"{1e22}" == "1e+22"
assert f"{2**100}" == "1267650600228229401496703205376"
assert f"{2**70:,}" == "1,180,591,620,717,411,303,424"
assert f"{-0.0}" == "-0.0"
assert f"{float('inf'):>6}" == "   inf"
assert f"{float('nan'):f}" == "nan"
assert f"{1.5:.0f}" == "2" and f"{2.5:.0f}" == "2"  # round-half-even
print("ok")
