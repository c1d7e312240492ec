# float methods and conversions.
import math

assert (3.0).is_integer() and not (3.5).is_integer()
assert (-0.0).is_integer()
assert not float("inf").is_integer() and not float("nan").is_integer()
assert (0.5).as_integer_ratio() == (1, 2)
assert (0.1).as_integer_ratio() == (3602879701896397, 36028797018963968)
assert (-2.5).as_integer_ratio() == (-5, 2)
assert (8.0).as_integer_ratio() == (8, 1)
assert (0.0).as_integer_ratio() == (0, 1)
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    assert str(e) == "cannot convert Infinity to integer ratio", str(e)
else:
    raise AssertionError
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    assert str(e) == "cannot convert NaN to integer ratio", str(e)
else:
    raise AssertionError
assert (1.5).conjugate() == 1.5 and (1.5).real == 1.5 and (1.5).imag == 0.0

# hex / fromhex.
assert (1.0).hex() == "0x1.0000000000000p+0"
assert (0.5).hex() == "0x1.0000000000000p-1"
assert (-2.0).hex() == "-0x1.0000000000000p+1"
assert (0.0).hex() == "0x0.0p+0"
assert float.fromhex("0x1.8p1") == 3.0
assert float.fromhex("-0x1p-2") == -0.25
assert float.fromhex("0x10") == 16.0
for v in (0.1, 1e300, 5e-324, -7.25, 123456.789):
    assert float.fromhex(v.hex()) == v

# float() constructor.
assert float() == 0.0
assert float(3) == 3.0 and type(float(3)) is float
assert float("3") == 3.0
assert float("  -2.5e-3 ") == -0.0025
assert float("1_0.5") == 10.5
assert float("inf") == math.inf and float("-Infinity") == -math.inf
assert math.isnan(float("nan"))
assert float(2 ** 60) == 1.152921504606847e18
assert float(b"1.5") == 1.5
class HasFloat:
    def __float__(self):
        return 9.5
assert float(HasFloat()) == 9.5
class HasIndexOnly:
    def __index__(self):
        return 3
assert float(HasIndexOnly()) == 3.0
try:
    float(None)
except TypeError as e:
    assert str(e) == "float() argument must be a string or a real number, not 'NoneType'", str(e)
else:
    raise AssertionError
try:
    float([1.0])
except TypeError:
    pass
else:
    raise AssertionError

# round / int / math.floor interplay.
assert round(2.5) == 2 and round(3.5) == 4 and round(-2.5) == -2
assert type(round(2.5)) is int
assert round(2.675, 2) == 2.67          # binary representation makes this round down
assert round(1.25, 1) == 1.2 and round(1.35, 1) == 1.4
assert round(123.456, -1) == 120.0 and type(round(123.456, -1)) is float
assert round(0.5) == 0 and round(1.5) == 2
assert math.floor(-0.5) == -1 and math.ceil(-0.5) == 0
assert int(-0.9) == 0
try:
    round(float("inf"))
except OverflowError as e:
    assert str(e) == "cannot convert float infinity to integer", str(e)
try:
    round(float("nan"))
except ValueError as e:
    assert str(e) == "cannot convert float NaN to integer", str(e)
assert math.isnan(round(float("nan"), 2))

# Comparisons of floats with ints at the edges of precision.
assert 9007199254740993 != 9007199254740992.0
assert 9007199254740993 > 9007199254740992.0
assert float(9007199254740993) == 9007199254740992.0
assert 1e16 == 10 ** 16
assert 0.1 == 1 / 10 and 0.3 != 0.1 * 3

# Float hashing matches int hashing for integral values.
assert hash(1.0) == hash(1) and hash(-2.0) == hash(-2)
assert hash(0.0) == hash(-0.0) == 0
assert hash(float(2 ** 70)) == hash(2 ** 70)
assert hash(0.5) == 1152921504606846976
assert hash(float("inf")) == 314159 and hash(float("-inf")) == -314159

# Float min/max/epsilon constants via arithmetic.
eps = 1.0
while 1.0 + eps / 2 != 1.0:
    eps /= 2
assert eps == 2.220446049250313e-16
big = 1.0
while big * 2 != math.inf:
    big *= 2
assert big == 8.98846567431158e307
tiny = 1.0
while tiny / 2 != 0.0:
    tiny /= 2
assert tiny == 5e-324
print("ok")
