# The math module: functions, constants and error behaviour.
import math

assert math.pi == 3.141592653589793 and math.e == 2.718281828459045
assert math.tau == 2 * math.pi
assert math.inf == float("inf") and math.isnan(math.nan)

assert math.sqrt(16) == 4.0 and math.sqrt(2) == 1.4142135623730951 and math.sqrt(0) == 0.0
assert type(math.sqrt(4)) is float
assert math.isqrt(17) == 4 and math.isqrt(10 ** 40) == 10 ** 20 and math.isqrt(0) == 0
assert math.floor(2.7) == 2 and math.floor(-2.1) == -3 and type(math.floor(2.7)) is int
assert math.ceil(2.1) == 3 and math.ceil(-2.7) == -2 and type(math.ceil(2.1)) is int
assert math.floor(5) == 5 and math.ceil(10 ** 30) == 10 ** 30
assert math.floor(1e20) == 100000000000000000000
assert math.trunc(-2.7) == -2 and math.trunc(2.7) == 2 and type(math.trunc(1.5)) is int
assert math.fabs(-3) == 3.0 and type(math.fabs(-3)) is float
assert math.pow(2, 10) == 1024.0 and type(math.pow(2, 2)) is float
assert math.pow(0.0, 0.0) == 1.0 and math.pow(-8, 3) == -512.0
assert math.exp(0) == 1.0 and math.exp(1) == math.e
assert math.log(math.e) == 1.0 and math.log(1) == 0.0
assert math.log(8, 2) == 3.0 and math.log(100, 10) == 2.0
assert math.log2(1024) == 10.0 and math.log10(1000) == 3.0
assert math.log(2 ** 1000) == 693.1471805599453
assert math.log1p(0) == 0.0 and math.expm1(0) == 0.0
assert math.sin(0) == 0.0 and math.cos(0) == 1.0 and math.tan(0) == 0.0
assert abs(math.sin(math.pi / 2) - 1.0) < 1e-15
assert abs(math.cos(math.pi) + 1.0) < 1e-15
assert math.atan2(1, 1) == math.pi / 4 and math.atan2(0, -1) == math.pi
assert math.atan2(-0.0, -1) == -math.pi
assert math.asin(1) == math.pi / 2 and math.acos(1) == 0.0 and math.atan(1) == math.pi / 4
assert math.sinh(0) == 0.0 and math.cosh(0) == 1.0 and math.tanh(0) == 0.0
assert math.degrees(math.pi) == 180.0 and math.radians(180) == math.pi
assert math.hypot(3, 4) == 5.0 and math.hypot(1, 2, 2) == 3.0 and math.hypot() == 0.0
assert math.copysign(3, -0.0) == -3.0 and math.copysign(-2, 1) == 2.0
assert math.isinf(math.inf) and math.isinf(-math.inf) and not math.isinf(1e308)
assert math.isnan(math.nan) and not math.isnan(1.0)
assert math.isfinite(1.0) and not math.isfinite(math.inf) and not math.isfinite(math.nan)
assert math.isclose(0.1 + 0.2, 0.3) and not math.isclose(1.0, 1.1)
assert math.isclose(1.0, 1.05, rel_tol=0.1) and math.isclose(0.0, 1e-10, abs_tol=1e-9)

# Integer functions.
assert math.gcd(12, 18) == 6 and math.gcd(0, 5) == 5 and math.gcd(-4, 6) == 2 and math.gcd() == 0
assert math.gcd(12, 18, 27) == 3 and math.gcd(2 ** 100, 6 ** 50) == 2 ** 50
assert math.lcm(4, 6) == 12 and math.lcm(2, 3, 4) == 12 and math.lcm(0, 5) == 0
assert math.factorial(0) == 1 and math.factorial(10) == 3628800
assert math.factorial(25) == 15511210043330985984000000
assert math.comb(5, 2) == 10 and math.comb(10, 0) == 1 and math.comb(3, 5) == 0
assert math.comb(100, 50) == 100891344545564193334812497256
assert math.perm(5, 2) == 20 and math.perm(5) == 120 and math.perm(3, 5) == 0
assert math.prod([1, 2, 3, 4]) == 24 and math.prod([]) == 1 and math.prod([2, 0.5]) == 1.0
assert math.prod(range(1, 6), start=2) == 240
assert math.fsum([0.1] * 10) == 1.0 and sum([0.1] * 10) != 1.0
assert math.fsum([1e100, 1.0, -1e100]) == 1.0
assert math.fmod(7, 3) == 1.0 and math.fmod(-7, 3) == -1.0
assert math.modf(3.5) == (0.5, 3.0) and math.modf(-2.25) == (-0.25, -2.0)
assert math.frexp(8.0) == (0.5, 4) and math.ldexp(0.5, 4) == 8.0
assert math.remainder(7, 2) == -1.0
assert math.dist((0, 0), (3, 4)) == 5.0
assert math.nextafter(1.0, 2.0) == 1.0000000000000002
assert math.ulp(1.0) == 2.220446049250313e-16

# Errors.
def err(exc, msg, fn):
    try:
        fn()
    except exc as e:
        assert str(e) == msg, (str(e), msg)
    else:
        raise AssertionError(msg)
err(ValueError, "math domain error", lambda: math.sqrt(-1))
err(ValueError, "math domain error", lambda: math.log(0))
err(ValueError, "math domain error", lambda: math.log(-1))
err(ValueError, "math domain error", lambda: math.acos(2))
err(ValueError, "math domain error", lambda: math.asin(-1.5))
err(ValueError, "math domain error", lambda: math.log10(-5))
err(ValueError, "math domain error", lambda: math.fmod(1, 0))
err(OverflowError, "math range error", lambda: math.exp(1000))
err(OverflowError, "math range error", lambda: math.pow(10, 400))
err(ValueError, "math domain error", lambda: math.pow(-8, 1 / 3))
err(ValueError, "factorial() not defined for negative values", lambda: math.factorial(-1))
err(TypeError, "'float' object cannot be interpreted as an integer", lambda: math.factorial(2.5))
err(ValueError, "isqrt() argument must be nonnegative", lambda: math.isqrt(-1))
err(ValueError, "n must be a non-negative integer", lambda: math.comb(-1, 2))
err(TypeError, "must be real number, not str", lambda: math.sqrt("4"))
err(OverflowError, "cannot convert float infinity to integer", lambda: math.floor(math.inf))
err(ValueError, "cannot convert float NaN to integer", lambda: math.ceil(math.nan))

# Special values pass through where defined.
assert math.sqrt(math.inf) == math.inf
assert math.isnan(math.sqrt(math.nan))
assert math.exp(-math.inf) == 0.0
assert math.atan(math.inf) == math.pi / 2
assert math.log(math.inf) == math.inf

# Objects with __floor__/__ceil__/__trunc__.
class Num:
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
    def __trunc__(self):
        return "trunc"
assert math.floor(Num()) == "floor" and math.ceil(Num()) == "ceil" and math.trunc(Num()) == "trunc"

# sqrt of big ints converts through float.
assert math.sqrt(2 ** 100) == 2.0 ** 50
print("ok")
