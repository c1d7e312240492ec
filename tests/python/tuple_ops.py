# Tuples: construction, immutability, methods, comparison, hashing, packing.

t = (1, 2, 3)
assert t[0] == 1 and t[-1] == 3 and len(t) == 3
assert t + (4,) == (1, 2, 3, 4)
assert t * 2 == (1, 2, 3, 1, 2, 3) and () * 5 == ()
assert t.count(2) == 1 and t.index(3) == 2
assert (1, 2, 1, 1).count(1) == 3
assert (1, 2, 3, 2).index(2, 2) == 3
try:
    t.index(9)
except ValueError as e:
    assert str(e) == "tuple.index(x): x not in tuple"
else:
    raise AssertionError

# Singletons and empty tuple.
assert (1,) != 1 and type((1,)) is tuple and type((1)) is int
single = 5,
assert single == (5,)
assert () == tuple() and len(()) == 0
assert tuple("ab") == ("a", "b") and tuple([1, 2]) == (1, 2)
assert tuple(range(3)) == (0, 1, 2) and tuple({"k": 1}) == ("k",)
src = (1, 2)
assert tuple(src) is src            # tuple of a tuple returns the same object

# Immutability; but contained mutable objects can change.
try:
    t[0] = 9
except TypeError as e:
    assert str(e) == "'tuple' object does not support item assignment"
else:
    raise AssertionError
try:
    t.append(4)
except AttributeError as e:
    assert str(e) == "'tuple' object has no attribute 'append'"
else:
    raise AssertionError
holder = ([1],)
holder[0].append(2)
assert holder == ([1, 2],)
try:
    holder[0] += [3]               # mutates the list, then fails to assign
except TypeError:
    pass
assert holder == ([1, 2, 3],)

# Comparison.
assert (1, 2) < (1, 3) and (1, 2) < (1, 2, 0) and (2,) > (1, 9, 9)
assert (1, 2) == (1.0, 2.0) and (1, 2) != [1, 2]
assert max([(1, "b"), (1, "a"), (0, "z")]) == (1, "b")

# Hashing: tuples of hashables are hashable, equal tuples hash equal.
assert hash((1, 2)) == hash((1, 2))
assert hash((1, 2)) == hash((1.0, 2))
assert {(1, 2): "a"}[(1, 2)] == "a"
try:
    hash((1, [2]))
except TypeError as e:
    assert str(e) == "unhashable type: 'list'"
else:
    raise AssertionError

# repr.
assert repr(()) == "()" and repr((1,)) == "(1,)" and repr((1, "a")) == "(1, 'a')"
assert repr(((),)) == "((),)"
assert str((None, True, 1.5)) == "(None, True, 1.5)"

# Packing and unpacking, returning multiple values.
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([3, 1, 4])
assert (lo, hi) == (1, 4)
r = minmax([5])
assert type(r) is tuple and r == (5, 5)

# Tuple in membership tests, iteration, slicing.
assert 2 in t and 5 not in t
assert [x * 2 for x in t] == [2, 4, 6]
assert t[::-1] == (3, 2, 1) and t[1:] == (2, 3) and t[5:] == ()

# Nested tuples and deep equality.
a = ((1, 2), (3, (4, 5)))
b = tuple([(1, 2), (3, tuple([4, 5]))])   # built at run time (constants may be shared)
assert a == b and hash(a) == hash(b)
assert a[1][1][0] == 4

# Tuple concatenation type errors.
try:
    (1,) + [2]
except TypeError as e:
    assert str(e) == 'can only concatenate tuple (not "list") to tuple', str(e)
else:
    raise AssertionError

# Large tuple.
big = tuple(range(10000))
assert len(big) == 10000 and big[-1] == 9999 and sum(big) == 49995000
print("ok")
