# Bitwise operations and shifts, including negative and big ints (two's complement semantics).

assert 0b1100 & 0b1010 == 0b1000
assert 0b1100 | 0b1010 == 0b1110
assert 0b1100 ^ 0b1010 == 0b0110
assert ~0 == -1
assert ~5 == -6
assert ~-6 == 5

# Negative numbers behave as infinite two's complement.
assert -1 & 0xFF == 0xFF
assert -256 & 0xFF == 0
assert -1 | 0 == -1
assert -2 ^ 1 == -1
assert -8 & -4 == -8
assert -8 | -4 == -4
assert -8 ^ -4 == 4
assert 5 & -1 == 5

# Shifts.
assert 1 << 0 == 1
assert 1 << 10 == 1024
assert 1 << 64 == 18446744073709551616
assert 1 << 200 == 2 ** 200
assert (1 << 200) >> 199 == 2
assert 12345 >> 3 == 1543
assert -1 >> 1 == -1
assert -1 >> 100 == -1
assert -16 >> 2 == -4
assert -17 >> 2 == -5        # floors
assert 5 >> 100 == 0
assert (2 ** 100) >> 1000 == 0
assert -(2 ** 100) >> 1000 == -1
assert 0 << 1000 == 0
assert -3 << 70 == -3 * 2 ** 70

for n in (0, 1, 7, 2 ** 63, 2 ** 64 - 1, 3 ** 60, -5, -(2 ** 70) - 1):
    for s in (0, 1, 5, 63, 64, 65, 130):
        assert n << s == n * 2 ** s, (n, s)
        assert n >> s == n // 2 ** s, (n, s)

try:
    1 << -1
except ValueError as e:
    assert str(e) == "negative shift count", str(e)
else:
    raise AssertionError
try:
    1 >> -1
except ValueError as e:
    assert str(e) == "negative shift count", str(e)
else:
    raise AssertionError
try:
    1 << 1.0
except TypeError as e:
    assert "unsupported operand" in str(e)
else:
    raise AssertionError
try:
    1.0 & 1
except TypeError as e:
    assert str(e) == "unsupported operand type(s) for &: 'float' and 'int'", str(e)

# Big int bit operations.
a = (1 << 100) | 0xF0F0
b = (1 << 99) | 0x0FF0
assert a & b == 0x00F0
assert a | b == (1 << 100) | (1 << 99) | 0xFFF0
assert a ^ b == (1 << 100) | (1 << 99) | 0xFF00
assert ~a == -a - 1
assert -a & 0xFFFF == (-0xF0F0) & 0xFFFF
assert (-(1 << 100)) & ((1 << 101) - 1) == 1 << 100
assert (-(1 << 100)) | 1 == -(1 << 100) + 1
assert (1 << 64) ^ -1 == -(1 << 64) - 1

# Identities over a range of values, mixing small and big.
vals = [0, 1, -1, 2, -2, 255, -256, 2 ** 31, -(2 ** 31), 2 ** 64 + 3, -(2 ** 64) - 3, 3 ** 50, -(5 ** 40)]
for x in vals:
    assert ~x == -x - 1
    assert x ^ x == 0
    assert x & x == x
    assert x | x == x
    assert x & 0 == 0
    assert x | 0 == x
    assert x & -1 == x
    for y in vals:
        assert x & y == y & x
        assert x | y == y | x
        assert x ^ y == y ^ x
        assert (x & y) + (x | y) == x + y, (x, y)
        assert x ^ y == (x | y) - (x & y), (x, y)
        assert ~(x & y) == (~x) | (~y)

# Augmented forms.
m = 1
m <<= 70
m |= 1
m ^= 3
m &= ~0
m >>= 1
assert m == (2 ** 70 + 2) >> 1

# Bools in bit operations stay bool only for bool-bool.
assert (True | False) is True
assert (True & 3) == 1 and type(True & 3) is int
assert (True << 2) == 4
print("ok")
