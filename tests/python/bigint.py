# Arbitrary-precision integers beyond 64 bits.

big = 2 ** 64
assert big == 18446744073709551616
assert big - 1 == 0xFFFFFFFFFFFFFFFF
assert 2 ** 63 == 9223372036854775808
assert -(2 ** 63) == -9223372036854775808
assert (2 ** 63 - 1) + 1 == 2 ** 63
assert 2 ** 128 == 340282366920938463463374607431768211456
assert str(2 ** 100) == "1267650600228229401496703205376"
assert repr(-(2 ** 100)) == "-1267650600228229401496703205376"

# Crossing the small/big boundary in both directions.
x = 2 ** 47
for _ in range(10):
    x = x * 2
assert x == 2 ** 57
y = 2 ** 200
y = y - 2 ** 200 + 5
assert y == 5 and type(y) is int
assert (2 ** 100) // (2 ** 98) == 4
assert (10 ** 30) % 7 == pow(10, 30, 7)

# Multiplication and division of big numbers.
a = 123456789012345678901234567890
b = 987654321098765432109876543210
assert a * b == 121932631137021795226185032733622923332237463801111263526900
assert b // a == 8
assert b % a == 9000000000900000000090
assert divmod(b, a) == (8, 9000000000900000000090)
assert -b // a == -9
assert -b % a == a - 9000000000900000000090
assert (-a) * (-b) == a * b

# Floor division / modulo sign rules hold for big ints too.
for p in (10 ** 25, -(10 ** 25)):
    for q in (7, -7, 3 ** 50, -(3 ** 50)):
        assert (p // q) * q + p % q == p, (p, q)
        r = p % q
        assert r == 0 or (r > 0) == (q > 0)

# Factorial-style growth.
f = 1
for i in range(1, 31):
    f *= i
assert f == 265252859812191058636308480000000

# Comparisons between small and big, int and float.
assert 2 ** 64 > 2 ** 63
assert -(2 ** 64) < -(2 ** 63)
assert 2 ** 64 == 18446744073709551616.0
assert 2 ** 64 + 1 != float(2 ** 64 + 1) or True   # float loses precision
assert float(2 ** 64 + 1) == float(2 ** 64)
assert 2 ** 64 + 1 > float(2 ** 64)                # exact comparison, not via float
assert 10 ** 400 > 1e308
assert -(10 ** 400) < -1e308
assert 10 ** 400 < float("inf")

# True division of big ints is correctly rounded.
assert (10 ** 30) / (10 ** 10) == 1e20
assert (2 ** 70) / 2 ** 69 == 2.0
try:
    float(10 ** 400)
except OverflowError as e:
    assert str(e) == "int too large to convert to float", str(e)
else:
    raise AssertionError
try:
    (10 ** 400) / 1
except OverflowError as e:
    assert "too large" in str(e)
else:
    raise AssertionError
assert (10 ** 400) / (10 ** 399) == 10.0

# Powers and negative exponents of big values.
assert (2 ** 100) ** 2 == 2 ** 200
assert 2 ** -100 == 7.888609052210118e-31
assert pow(3, 200, 10 ** 9 + 7) == 3 ** 200 % (10 ** 9 + 7)
assert pow(2, -1, 7) == 4                 # modular inverse
assert pow(-(2 ** 70), 3) == -(2 ** 210)

# abs, bool, hash consistency.
assert abs(-(2 ** 90)) == 2 ** 90
assert bool(2 ** 90) and not bool(2 ** 90 - 2 ** 90)
assert hash(2 ** 90) == hash(2 ** 90 + 0)

# int <-> str round trips.
for n in (0, 1, -1, 2 ** 64, -(2 ** 64) + 3, 10 ** 50 + 12345, -(7 ** 77)):
    assert int(str(n)) == n
    assert int(hex(n), 16) == n
    assert int(bin(n), 2) == n
    assert int(oct(n), 8) == n
assert hex(2 ** 64) == "0x10000000000000000"
assert hex(-(2 ** 64)) == "-0x10000000000000000"
assert bin(2 ** 65) == "0b1" + "0" * 65
assert oct(8 ** 30) == "0o1" + "0" * 30

# Sum of many big numbers.
total = 0
for i in range(1000):
    total += 2 ** 70 + i
assert total == 1000 * 2 ** 70 + 499500
assert sum([2 ** 64] * 4) == 2 ** 66

# Mixed big int / float arithmetic.
assert 2 ** 64 * 0.5 == 2.0 ** 63
assert 2 ** 64 + 0.0 == 1.8446744073709552e19
assert type(2 ** 64 + 0.0) is float
print("ok")
