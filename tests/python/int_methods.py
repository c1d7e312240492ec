# int methods and conversions: bit_length, bit_count, to_bytes/from_bytes, int(), bases.

assert (0).bit_length() == 0
assert (1).bit_length() == 1
assert (255).bit_length() == 8
assert (256).bit_length() == 9
assert (-256).bit_length() == 9
assert (2 ** 100).bit_length() == 101
assert (2 ** 100 - 1).bit_length() == 100
assert (0b1011).bit_count() == 3
assert (-7).bit_count() == 3
assert (2 ** 200 + 1).bit_count() == 2
assert (5).conjugate() == 5 and (5).real == 5 and (5).imag == 0
assert (6).numerator == 6 and (6).denominator == 1
assert (10).as_integer_ratio() == (10, 1)

# to_bytes / from_bytes.
assert (1024).to_bytes(2, "big") == b"\x04\x00"
assert (1024).to_bytes(2, "little") == b"\x00\x04"
assert (0).to_bytes(0, "big") == b""
assert (255).to_bytes(1, "big") == b"\xff"
assert (-1).to_bytes(2, "big", signed=True) == b"\xff\xff"
assert (-129).to_bytes(2, "little", signed=True) == b"\x7f\xff"
assert (2 ** 64).to_bytes(9, "big") == b"\x01" + b"\x00" * 8
assert (1).to_bytes() == b"\x01"            # 3.11 defaults: length=1, byteorder='big'
assert int.from_bytes(b"\x04\x00", "big") == 1024
assert int.from_bytes(b"\x04\x00", "little") == 4
assert int.from_bytes(b"\xff\xff", "big", signed=True) == -1
assert int.from_bytes(b"\xff\xff", "big") == 65535
assert int.from_bytes(b"", "big") == 0
assert int.from_bytes([1, 0], "big") == 256
assert int.from_bytes(b"\x01" + b"\x00" * 16, "big") == 2 ** 128
for n in (0, 1, 127, 128, 255, 256, 2 ** 63, 2 ** 64 - 1, 10 ** 30):
    for order in ("big", "little"):
        b = n.to_bytes(16, order)
        assert int.from_bytes(b, order) == n
for n in (-1, -128, -(2 ** 63), 2 ** 63 - 1, -(10 ** 20)):
    b = n.to_bytes(16, "big", signed=True)
    assert int.from_bytes(b, "big", signed=True) == n
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    assert str(e) == "int too big to convert", str(e)
else:
    raise AssertionError
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    assert str(e) == "can't convert negative int to unsigned", str(e)
else:
    raise AssertionError
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    assert str(e) == "byteorder must be either 'little' or 'big'", str(e)
else:
    raise AssertionError

# int() constructor.
assert int() == 0
assert int(3.99) == 3 and int(-3.99) == -3
assert int(True) == 1
assert int("42") == 42
assert int("  -17  ") == -17
assert int("+5") == 5
assert int("\t\n 8 \n") == 8
assert int("1_000_000") == 1000000
assert int("0") == 0 and int("-0") == 0
assert int("00012") == 12
assert int("ff", 16) == 255 and int("FF", 16) == 255
assert int("0xff", 16) == 255 and int("0xff", 0) == 255
assert int("0o17", 0) == 15 and int("0b101", 0) == 5
assert int("17", 8) == 15
assert int("z", 36) == 35 and int("Zz", 36) == 35 * 36 + 35
assert int("1_0", 0) == 10
assert int("0_0", 0) == 0
assert int("11", 2) == 3
assert int("-0b11", 0) == -3
assert int("12345678901234567890123456789") == 12345678901234567890123456789
assert int(b"42") == 42
assert int(bytearray(b"-7")) == -7
assert int("٣") == 3                      # Unicode decimal digits are accepted

bad = ["", " ", "1.5", "1e3", "abc", "1 2", "--1", "_1", "1_", "1__0", "0x", "0b2", "+", "1-"]
for s in bad:
    try:
        int(s)
    except ValueError as e:
        assert str(e).startswith("invalid literal for int() with base 10: "), str(e)
    else:
        raise AssertionError(s)
try:
    int("010", 0)
except ValueError as e:
    assert str(e) == "invalid literal for int() with base 0: '010'", str(e)
else:
    raise AssertionError
try:
    int("12", 1)
except ValueError as e:
    assert str(e) == "int() base must be >= 2 and <= 36, or 0", str(e)
else:
    raise AssertionError
try:
    int("9", 8)
except ValueError as e:
    assert str(e) == "invalid literal for int() with base 8: '9'", str(e)
try:
    int(None)
except TypeError as e:
    assert str(e) == "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'", str(e)
else:
    raise AssertionError
try:
    int([1])
except TypeError:
    pass
else:
    raise AssertionError

# Objects with __int__ / __index__ / __trunc__.
class HasIndex:
    def __index__(self):
        return 12
assert int(HasIndex()) == 12
class HasInt:
    def __int__(self):
        return -4
assert int(HasInt()) == -4

# Literal forms.
assert 0x1F == 31 and 0o17 == 15 and 0b1010 == 10
assert 1_000 == 1000 and 0x_FF == 255 and 0b_1_0 == 2
assert 0XAB == 171 and 0O7 == 7 and 0B1 == 1

# str()/repr() of ints, including negative and big.
assert str(-0) == "0" and repr(123) == "123"
assert str(10 ** 20) == "100000000000000000000"
assert bin(-5) == "-0b101" and oct(-8) == "-0o10" and hex(-255) == "-0xff"
assert bin(0) == "0b0" and hex(0) == "0x0"

# int is immutable and hashable; small and large ints compare by value.
assert int("100") == 100 and hash(int("100")) == hash(100)
print("ok")
