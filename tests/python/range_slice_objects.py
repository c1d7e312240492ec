# range objects and slice objects.

r = range(10)
assert len(r) == 10 and r[0] == 0 and r[-1] == 9
assert list(range(2, 8, 2)) == [2, 4, 6]
assert list(range(5, 0, -1)) == [5, 4, 3, 2, 1]
assert list(range(0, -10, -3)) == [0, -3, -6, -9]
assert list(range(3, 3)) == [] and list(range(5, 1)) == []
assert len(range(0, 10, 3)) == 4 and len(range(10, 0, -3)) == 4
assert len(range(-5)) == 0
assert range(0, 10, 2)[3] == 6 and range(10, 0, -2)[-1] == 2
assert range(10)[2:5] == range(2, 5)
assert range(10)[::-1] == range(9, -1, -1)
assert list(range(10)[::-3]) == [9, 6, 3, 0]
assert range(0, 20, 2)[1:4] == range(2, 8, 2)
assert 5 in range(10) and 10 not in range(10) and 4 in range(0, 10, 2) and 5 not in range(0, 10, 2)
assert -3 in range(0, -10, -3)
assert 2.0 in range(5) and "x" not in range(5)
assert range(3).index(2) == 2 and range(0, 10, 2).count(4) == 1
try:
    range(3).index(5)
except ValueError as e:
    assert str(e) == "5 is not in range", str(e)
else:
    raise AssertionError
try:
    range(3)[3]
except IndexError as e:
    assert str(e) == "range object index out of range"
else:
    raise AssertionError
try:
    range(0, 1, 0)
except ValueError as e:
    assert str(e) == "range() arg 3 must not be zero"
else:
    raise AssertionError
try:
    range(1.0)
except TypeError as e:
    assert str(e) == "'float' object cannot be interpreted as an integer"

# Equality compares the sequences, not the arguments.
assert range(0) == range(5, 5) == range(3, 1)
assert range(0, 3, 2) == range(0, 4, 2)
assert range(1, 2) == range(1, 2, 100)
assert range(3) != [0, 1, 2]
assert hash(range(0, 3, 2)) == hash(range(0, 4, 2))

# Attributes and repr.
rr = range(1, 10, 3)
assert (rr.start, rr.stop, rr.step) == (1, 10, 3)
assert repr(range(5)) == "range(0, 5)" and repr(rr) == "range(1, 10, 3)"
assert repr(range(5, 0, -1)) == "range(5, 0, -1)"

# Big ranges work lazily.
huge = range(0, 10 ** 20, 7)
assert huge[-1] == 99999999999999999998 == (10 ** 20 - 1) // 7 * 7
assert huge[1] == 7
assert (10 ** 19 + 3 in huge) == ((10 ** 19 + 3) % 7 == 0)
assert (7 * 10 ** 18) in huge
assert range(2 ** 70)[2 ** 69] == 2 ** 69
try:
    len(range(2 ** 64))
except OverflowError:
    pass
else:
    raise AssertionError

# reversed and iteration.
assert list(reversed(range(1, 10, 4))) == [9, 5, 1]
assert list(reversed(range(0))) == []
assert sum(range(101)) == 5050
it = iter(range(3))
assert next(it) == 0 and list(it) == [1, 2]
assert bool(range(0)) is False and bool(range(1)) is True

# Slice objects.
s = slice(1, 10, 2)
assert (s.start, s.stop, s.step) == (1, 10, 2)
assert slice(5).start is None and slice(5).stop == 5 and slice(5).step is None
assert repr(slice(1, 2)) == "slice(1, 2, None)"
assert repr(slice(None)) == "slice(None, None, None)"
assert slice(1, 2) == slice(1, 2) and slice(1, 2) != slice(1, 3)
assert slice(1, 2, 3) < slice(1, 2, 4)
assert s.indices(5) == (1, 5, 2)
assert slice(None, None, -1).indices(5) == (4, -1, -1)
assert slice(-3, None).indices(10) == (7, 10, 1)
assert slice(-100, 100).indices(10) == (0, 10, 1)
assert slice(None, -100, -1).indices(10) == (9, -1, -1)
assert slice(2, 2).indices(0) == (0, 0, 1)
assert slice(10, 20, 3).indices(5) == (5, 5, 3)
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    assert str(e) == "slice step cannot be zero"
else:
    raise AssertionError
try:
    slice(1).indices(-1)
except ValueError as e:
    assert str(e) == "length should not be negative", str(e)
else:
    raise AssertionError
data = list(range(20))
for sl in (slice(2, 15, 3), slice(None, None, -2), slice(-5, None), slice(18, 3, -4)):
    assert data[sl] == [data[i] for i in range(*sl.indices(len(data)))]
assert "abcdef"[slice(1, None, 2)] == "bdf"
# Slices are hashable since 3.12 only; in 3.11 they are unhashable.
print("ok")
