# Integer arithmetic: + - * / // % ** divmod, signs of floor division and modulo, bools as ints.

assert 2 + 3 == 5
assert 2 - 3 == -1
assert -2 * 3 == -6
assert 7 // 2 == 3
assert -7 // 2 == -4, -7 // 2
assert 7 // -2 == -4
assert -7 // -2 == 3
assert 7 % 3 == 1
assert -7 % 3 == 2, -7 % 3
assert 7 % -3 == -2, 7 % -3
assert -7 % -3 == -1
assert 0 % 5 == 0
assert 0 // -5 == 0

# The invariant a == (a // b) * b + a % b, and sign(a % b) == sign(b).
for a in range(-20, 21):
    for b in list(range(-7, 0)) + list(range(1, 8)):
        q, r = a // b, a % b
        assert q * b + r == a, (a, b, q, r)
        assert (r == 0) or ((r > 0) == (b > 0)), (a, b, r)
        assert divmod(a, b) == (q, r), (a, b)
        assert abs(r) < abs(b)

# True division always gives a float.
assert 7 / 2 == 3.5
assert type(4 / 2) is float and 4 / 2 == 2.0
assert -1 / 4 == -0.25
assert 1 / 3 == 0.3333333333333333
assert type(10 // 3) is int

# Powers.
assert 2 ** 10 == 1024
assert (-2) ** 3 == -8
assert -2 ** 2 == -4          # unary minus binds looser than **
assert 2 ** -1 == 0.5
assert type(2 ** -1) is float
assert 2 ** -2 == 0.25
assert 10 ** -3 == 0.001
assert 0 ** 0 == 1
assert 2 ** 3 ** 2 == 512     # right associative
assert (2 ** 3) ** 2 == 64
assert pow(2, 100) == 1267650600228229401496703205376
assert (-8) ** (1 / 3) != -2  # complex result in CPython; we only check it is not -2

# Zero division errors.
for op in (lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0)):
    try:
        op()
    except ZeroDivisionError as e:
        assert isinstance(e, ArithmeticError)
    else:
        raise AssertionError("no ZeroDivisionError")

try:
    1 / 0
except ZeroDivisionError as e:
    assert str(e) == "division by zero", str(e)
try:
    1 // 0
except ZeroDivisionError as e:
    assert str(e) == "integer division or modulo by zero", str(e)
try:
    1 % 0
except ZeroDivisionError as e:
    assert str(e) == "integer modulo by zero", str(e)
try:
    0 ** -1
except ZeroDivisionError as e:
    assert str(e) == "0.0 cannot be raised to a negative power", str(e)
else:
    raise AssertionError("0 ** -1 should raise")

# Bools are ints.
assert True + True == 2
assert True * 10 == 10
assert False - 1 == -1
assert -True == -1
assert True / 2 == 0.5
assert True // 2 == 0
assert type(True + 0) is int
assert ~True == -2
assert True & False is False
assert True | False is True
assert True ^ True is False
assert type(True & 1) is int

# Unary operators.
x = 5
assert -x == -5 and +x == 5 and ~x == -6
assert -(-x) == 5
assert ~~x == 5
assert ~-1 == 0

# Operator precedence.
assert 2 + 3 * 4 == 14
assert (2 + 3) * 4 == 20
assert 10 - 4 - 3 == 3
assert 100 // 10 // 3 == 3
assert 2 * 3 % 4 == 2
assert -3 % 5 == 2
assert 1 + 2 << 3 == 24
assert 1 | 2 ^ 3 & 4 == 3

# divmod returns a tuple.
assert divmod(17, 5) == (3, 2)
assert divmod(-17, 5) == (-4, 3)
assert type(divmod(17, 5)) is tuple

# Type errors.
try:
    1 + "a"
except TypeError as e:
    assert str(e) == "unsupported operand type(s) for +: 'int' and 'str'", str(e)
else:
    raise AssertionError
try:
    "a" - 1
except TypeError as e:
    assert str(e) == "unsupported operand type(s) for -: 'str' and 'int'", str(e)
try:
    -"a"
except TypeError as e:
    assert str(e) == "bad operand type for unary -: 'str'", str(e)
try:
    None * 2
except TypeError as e:
    assert str(e) == "unsupported operand type(s) for *: 'NoneType' and 'int'", str(e)

# Sequence repetition via int.
assert "ab" * 3 == "ababab"
assert 3 * [0] == [0, 0, 0]
assert "x" * 0 == "" and "x" * -5 == ""
assert True * "ab" == "ab"
print("ok")
