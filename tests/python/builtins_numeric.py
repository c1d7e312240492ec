# abs, round, divmod, pow, min, max, sum, bin/oct/hex, hash of numbers.
import math

assert abs(-5) == 5 and abs(5) == 5 and abs(-2.5) == 2.5 and abs(0) == 0
assert abs(-(2 ** 100)) == 2 ** 100 and abs(True) == 1 and type(abs(True)) is int
assert str(abs(-0.0)) == "0.0"
assert abs(float("-inf")) == float("inf")

# round: banker's rounding and ndigits.
assert [round(v) for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5)] == [0, 2, 2, 4, 0, -2]
assert round(2.4) == 2 and round(2.6) == 3 and round(-2.6) == -3
assert round(3.14159, 2) == 3.14 and round(3.14159, 0) == 3.0 and type(round(3.1, 0)) is float
assert round(1234.5678, -2) == 1200.0
assert round(1250, -2) == 1200 and round(1350, -2) == 1400 and type(round(1250, -2)) is int
assert round(-1250, -2) == -1200
assert round(15, -1) == 20 and round(25, -1) == 20
assert round(7) == 7 and type(round(7)) is int
assert round(7, 2) == 7 and type(round(7, 2)) is int
assert round(0.125, 2) == 0.12 and round(0.375, 2) == 0.38
assert round(2 ** 70 + 0.0) == 2 ** 70
assert round(123456789, -10) == 0
assert round(5e-324, 400) == 5e-324
try:
    round("1")
except TypeError as ex:
    assert str(ex) == "type str doesn't define __round__ method", str(ex)
else:
    raise AssertionError
class R:
    def __round__(self, n=None):
        return ("rounded", n)
assert round(R()) == ("rounded", None) and round(R(), 3) == ("rounded", 3)

# divmod.
assert divmod(7, 2) == (3, 1) and divmod(-7, 2) == (-4, 1) and divmod(7, -2) == (-4, -1)
assert divmod(7.5, 2) == (3.0, 1.5) and divmod(-7.5, 2) == (-4.0, 0.5)
assert divmod(2 ** 70, 10) == (2 ** 70 // 10, 2 ** 70 % 10)
try:
    divmod(1, 0)
except ZeroDivisionError as ex:
    assert str(ex) == "integer division or modulo by zero"

# pow.
assert pow(2, 10) == 1024 and pow(2, -1) == 0.5 and pow(2.0, 3) == 8.0
assert pow(3, 4, 5) == 1 and pow(-3, 3, 7) == 1 and pow(2, 100, 1) == 0
assert pow(38, -1, 97) == 23            # modular inverse
assert pow(10, 20, 10 ** 9 + 9) == 10 ** 20 % (10 ** 9 + 9)
try:
    pow(2, 3, 0)
except ValueError as ex:
    assert str(ex) == "pow() 3rd argument cannot be 0", str(ex)
else:
    raise AssertionError
try:
    pow(2, -1, 4)
except ValueError as ex:
    assert str(ex) == "base is not invertible for the given modulus", str(ex)
else:
    raise AssertionError
try:
    pow(2.0, 3, 5)
except TypeError as ex:
    assert str(ex) == "pow() 3rd argument not allowed unless all arguments are integers", str(ex)
else:
    raise AssertionError
assert pow(base=2, exp=5) == 32

# min / max.
assert min(3, 1, 2) == 1 and max(3, 1, 2) == 3
assert min([4, 5]) == 4 and max("hello") == "o"
assert min([], default="empty") == "empty" and max([], default=None) is None
assert max(["aa", "b", "cccc"], key=len) == "cccc"
assert min(["aa", "b", "cccc"], key=len) == "b"
assert max([1, 3, 3.0], key=lambda v: v) == 3 and type(max([1, 3, 3.0])) is int  # first max wins
assert min([(1, "b"), (1, "a")]) == (1, "a")
assert max(1, 2, key=lambda v: -v) == 1
try:
    max()
except TypeError as ex:
    assert str(ex) == "max expected at least 1 argument, got 0", str(ex)
else:
    raise AssertionError
try:
    min(1)
except TypeError as ex:
    assert str(ex) == "'int' object is not iterable", str(ex)
else:
    raise AssertionError
try:
    max(1, 2, default=0)
except TypeError as ex:
    assert str(ex) == "Cannot specify a default for max() with multiple positional arguments", str(ex)
else:
    raise AssertionError

# sum.
assert sum([1, 2, 3]) == 6 and sum([]) == 0 and sum([], 10) == 10
assert sum([0.1] * 3) == 0.30000000000000004
assert sum([[1], [2]], []) == [1, 2]
assert sum(range(10), start=5) == 50
assert sum([True, True, False]) == 2
assert sum([2 ** 64, 2 ** 64]) == 2 ** 65
assert sum([1, 2.5]) == 3.5
try:
    sum(["a", "b"], "")
except TypeError as ex:
    assert str(ex) == "sum() can't sum strings [use ''.join(seq) instead]", str(ex)
else:
    raise AssertionError
try:
    sum(["a"])
except TypeError as ex:
    assert str(ex) == "unsupported operand type(s) for +: 'int' and 'str'", str(ex)

# bin / oct / hex.
assert bin(10) == "0b1010" and oct(64) == "0o100" and hex(255) == "0xff"
assert bin(-1) == "-0b1" and hex(2 ** 64) == "0x10000000000000000"
try:
    hex(1.5)
except TypeError as ex:
    assert str(ex) == "'float' object cannot be interpreted as an integer"
else:
    raise AssertionError

# hash of numbers: equal values hash equal; CPython's specific values.
assert hash(1) == hash(1.0) == hash(True) == 1
assert hash(0) == hash(0.0) == hash(False) == hash(-0.0) == 0
assert hash(-1) == -2
assert hash(-2) == -2
assert hash(2 ** 61 - 1) == 0
assert hash(2 ** 61) == 1
assert hash(2 ** 61 - 2) == 2 ** 61 - 2
assert hash(-(2 ** 61)) == -2
assert hash(2 ** 100) == pow(2, 100, 2 ** 61 - 1)
assert hash(10 ** 30) == (10 ** 30) % (2 ** 61 - 1)
assert hash(-(10 ** 30)) == -((10 ** 30) % (2 ** 61 - 1))
assert hash(1.5) == hash(3 / 2) == 1152921504606846977
assert hash(0.1) == 230584300921369408
assert hash(-0.5) == -1152921504606846976
assert hash(1e100) == hash(int(1e100))
assert hash(math.inf) == 314159 and hash(-math.inf) == -314159
assert hash(float(2 ** 60)) == hash(2 ** 60) and hash(2.0 ** 61) == hash(2 ** 61) == 1
assert type(hash("s")) is int and hash("s") == hash("s")
assert hash((1, 2)) == hash((1.0, 2.0))
print("ok")
