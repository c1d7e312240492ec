# repr/str of floats: shortest round-trip representation, exponent thresholds.

cases = [
    (0.1, "0.1"),
    (0.5, "0.5"),
    (1.0, "1.0"),
    (-1.0, "-1.0"),
    (0.0, "0.0"),
    (-0.0, "-0.0"),
    (100.0, "100.0"),
    (1.5, "1.5"),
    (0.1 + 0.2, "0.30000000000000004"),
    (1 / 3, "0.3333333333333333"),
    (2 / 3, "0.6666666666666666"),
    (1e16, "1e+16"),
    (1e15, "1000000000000000.0"),
    (123456789012345.6, "123456789012345.6"),
    (9999999999999998.0, "9999999999999998.0"),
    (1e22, "1e+22"),
    (1e23, "1e+23"),
    (1.5e300, "1.5e+300"),
    (1e-4, "0.0001"),
    (1e-5, "1e-05"),
    (0.00001234, "1.234e-05"),
    (0.0001234, "0.0001234"),
    (1e-7, "1e-07"),
    (5e-324, "5e-324"),
    (2.2250738585072014e-308, "2.2250738585072014e-308"),
    (1.7976931348623157e308, "1.7976931348623157e+308"),
    (3.141592653589793, "3.141592653589793"),
    (2.718281828459045, "2.718281828459045"),
    (1.1, "1.1"),
    (2.675, "2.675"),
    (0.3, "0.3"),
    (100.5, "100.5"),
    (-123.456, "-123.456"),
    (1234567.0, "1234567.0"),
    (12345678901234567890.0, "1.2345678901234567e+19"),
    (float(2 ** 53), "9007199254740992.0"),
    (float(2 ** 64), "1.8446744073709552e+19"),
    (1e100, "1e+100"),
    (4.35, "4.35"),
    (0.1 * 3, "0.30000000000000004"),
    (1.0 / 7, "0.14285714285714285"),
]
for value, text in cases:
    assert repr(value) == text, (repr(value), text)
    assert str(value) == text, (str(value), text)
    assert float(text) == value, text

# Round-tripping for many values.
x = 0.1
for i in range(200):
    assert float(repr(x)) == x, repr(x)
    x = x * 1.7 + 0.013
y = 1.0
for i in range(100):
    y /= 3.3
    assert float(repr(y)) == y, repr(y)

# Special values.
assert repr(float("inf")) == "inf"
assert repr(float("-inf")) == "-inf"
assert repr(float("nan")) == "nan"

# Containers use repr of their float items.
assert repr([0.1, 1e16, -0.0]) == "[0.1, 1e+16, -0.0]"
assert str((1.0,)) == "(1.0,)"
assert repr({1.5: 2.5}) == "{1.5: 2.5}"

# float() parsing.
assert float("1_000.5") == 1000.5
assert float("  3.25\n") == 3.25
assert float("1e3") == 1000.0
assert float("-.5") == -0.5
assert float("5.") == 5.0
assert float("+1E-2") == 0.01
assert float(7) == 7.0
assert float(True) == 1.0
for bad in ("", "abc", "1.2.3", "1e", "0x10", "1_", "_1", "1__0", "- 1"):
    try:
        float(bad)
    except ValueError as e:
        assert str(e) == "could not convert string to float: %r" % bad, str(e)
    else:
        raise AssertionError(bad)

# Formatting is separate from repr.
assert "%s" % 0.1 == "0.1"
assert "{}".format(1e16) == "1e+16"
assert f"{1e-5}" == "1e-05"
assert "%r" % 2.5 == "2.5"
print("ok")
