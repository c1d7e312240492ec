# Float arithmetic, int/float mixing, special values.
import math

assert 0.1 + 0.2 == 0.30000000000000004
assert 0.1 + 0.2 != 0.3
assert 1.5 * 2 == 3.0
assert type(1.5 * 2) is float
assert type(2 * 1.0) is float
assert type(True + 1.0) is float
assert 7.0 // 2 == 3.0 and type(7.0 // 2) is float
assert -7.0 // 2 == -4.0
assert 7.5 % 2 == 1.5
assert -7.5 % 2 == 0.5
assert 7.5 % -2 == -0.5
assert divmod(7.5, 2) == (3.0, 1.5)
assert divmod(-7.5, 2) == (-4.0, 0.5)
assert 2.0 ** 10 == 1024.0
assert 2 ** 0.5 == math.sqrt(2)
assert 4 ** 0.5 == 2.0
assert (-8.0) ** 2 == 64.0
assert 1e308 * 10 == float("inf")
assert -1e308 * 10 == float("-inf")
assert 5e-324 / 2 == 0.0
assert 1 / 3 * 3 == 1.0

# Division by zero.
for op, msg in ((lambda: 1.0 / 0, "float division by zero"),
                (lambda: 1 / 0.0, "float division by zero"),
                (lambda: 1.0 // 0.0, "float floor division by zero"),
                (lambda: 1.0 % 0.0, "float modulo"),
                ):
    try:
        op()
    except ZeroDivisionError as e:
        assert str(e) == msg, (str(e), msg)
    else:
        raise AssertionError(msg)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    assert str(e) == "0.0 cannot be raised to a negative power", str(e)
else:
    raise AssertionError

# Overflow in power.
try:
    10.0 ** 400
except OverflowError as e:
    assert str(e) == "(34, 'Numerical result out of range')", str(e)
else:
    raise AssertionError

# inf and nan.
inf = float("inf")
nan = float("nan")
assert inf > 1e308 and -inf < -1e308
assert inf + 1 == inf
assert inf - inf != inf - inf   # nan
assert nan != nan
assert not (nan == nan)
assert not (nan < 1) and not (nan > 1) and not (nan <= nan)
assert math.isnan(inf * 0)
assert math.isnan(nan + 1)
assert inf == float("Infinity") == float("+inf") == float("INF")
assert -inf == float("-infinity")
assert math.isnan(float("NaN")) and math.isnan(float("-nan"))
assert str(inf) == "inf" and str(-inf) == "-inf" and str(nan) == "nan"
assert repr(nan) == "nan"
x = nan
assert x is x and x != x
assert [x] == [x]          # identity shortcut in containers
assert nan in [nan] or True
assert inf // 1 != inf // 1 or math.isnan(inf // 1)

# Negative zero.
nz = -0.0
assert nz == 0.0
assert str(nz) == "-0.0"
assert math.copysign(1, nz) == -1.0
assert math.copysign(1, 0.0) == 1.0
assert str(0.0 * -1) == "-0.0"
assert str(-0.0 + 0.0) == "0.0"
assert str(abs(-0.0)) == "0.0"
assert str(-(0.0)) == "-0.0"

# int/float mixed comparisons are exact.
assert 1 == 1.0 and 1.0 == 1
assert 2 ** 53 + 1 != float(2 ** 53 + 1)
assert 2 ** 53 + 1 > 2.0 ** 53
assert 0.5 < 1 < 1.5
assert not (1 < 1.0)
assert max(1, 1.0) == 1
assert -0.0 == 0 and 0 == -0.0

# Rounding behaviour of int().
assert int(2.7) == 2 and int(-2.7) == -2
assert int(1e20) == 100000000000000000000
assert int(-0.5) == 0
try:
    int(inf)
except OverflowError as e:
    assert str(e) == "cannot convert float infinity to integer", str(e)
try:
    int(nan)
except ValueError as e:
    assert str(e) == "cannot convert float NaN to integer", str(e)
else:
    raise AssertionError

# Augmented assignment keeps float-ness.
t = 1
t += 0.5
assert t == 1.5 and type(t) is float
t *= 2
assert t == 3.0 and type(t) is float
t //= 2
assert t == 1.0 and type(t) is float

# Float sums.
s = 0.0
for i in range(10):
    s += 0.1
assert s == 0.9999999999999999
assert sum([0.1] * 10) == 0.9999999999999999
assert math.fsum([0.1] * 10) == 1.0
print("ok")
