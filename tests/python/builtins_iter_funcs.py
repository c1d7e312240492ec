# enumerate, zip, map, filter, sorted, reversed, any, all, iter, next.

assert list(enumerate("abc")) == [(0, "a"), (1, "b"), (2, "c")]
assert list(enumerate("ab", 1)) == [(1, "a"), (2, "b")]
assert list(enumerate("ab", start=-5)) == [(-5, "a"), (-4, "b")]
assert list(enumerate([], 3)) == []
assert list(enumerate("a", 2 ** 70)) == [(2 ** 70, "a")]
e = enumerate([10, 20])
assert iter(e) is e and next(e) == (0, 10)

assert list(zip("ab", [1, 2], (True, False))) == [("a", 1, True), ("b", 2, False)]
assert list(zip("abc", [1])) == [("a", 1)]
assert list(zip()) == []
assert list(zip("ab")) == [("a",), ("b",)]
assert list(zip("ab", [1, 2], strict=True)) == [("a", 1), ("b", 2)]
try:
    list(zip("abc", [1, 2], strict=True))
except ValueError as ex:
    assert str(ex) == "zip() argument 2 is shorter than argument 1", str(ex)
else:
    raise AssertionError
try:
    list(zip("a", [1, 2], strict=True))
except ValueError as ex:
    assert str(ex) == "zip() argument 2 is longer than argument 1", str(ex)
else:
    raise AssertionError
pairs = [(1, "a"), (2, "b")]
nums, lets = zip(*pairs)
assert nums == (1, 2) and lets == ("a", "b")
# zip stops without consuming extra items from later iterators when the first is exhausted.
it = iter([1, 2, 3])
list(zip([], it))
assert next(it) == 1

assert list(map(str, [1, 2])) == ["1", "2"]
assert list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])) == [11, 22]
assert list(map(pow, [2, 3], [3, 2], [5, 5])) == [3, 4]
assert list(map(len, [])) == []
try:
    map(len)
except TypeError as ex:
    assert str(ex) == "map() must have at least two arguments.", str(ex)
else:
    raise AssertionError

assert list(filter(None, [0, 1, "", "a", None, [], [0]])) == [1, "a", [0]]
assert list(filter(lambda v: v > 1, [1, 2, 3])) == [2, 3]
assert list(filter(str.isdigit, "a1b2")) == ["1", "2"]

assert sorted([3, 1, 2], reverse=True) == [3, 2, 1]
assert sorted("Hello", key=str.lower) == ["e", "H", "l", "l", "o"]
assert list(reversed([1, 2, 3])) == [3, 2, 1]
assert list(reversed((1, 2))) == [2, 1]

assert any([0, 0, 1]) and not any([]) and not any([0, ""])
assert all([1, "a"]) and all([]) and not all([1, 0])
assert any(x for x in [0, 2]) is True and all(x for x in [1, 0]) is False
assert any([[]]) is False and all([[]]) is False

# Lazy iterators compose.
evens_squared = map(lambda v: v * v, filter(lambda v: v % 2 == 0, range(10)))
assert list(evens_squared) == [0, 4, 16, 36, 64]
assert list(evens_squared) == []

# next() with default and custom iterators.
gen = (i for i in range(2))
assert next(gen) == 0 and next(gen) == 1 and next(gen, None) is None
try:
    next(gen)
except StopIteration:
    pass

# iter() of various objects.
assert list(iter([1, 2])) == [1, 2]
assert list(iter("ab")) == ["a", "b"]
assert sorted(iter({3, 1})) == [1, 3]
try:
    iter(5)
except TypeError as ex:
    assert str(ex) == "'int' object is not iterable"
else:
    raise AssertionError

# len/sum/min/max with generators and iterators.
assert sum(map(int, "123")) == 6
assert max(map(len, ["a", "abc", "ab"])) == 3
assert min(zip([3, 1], "ab")) == (1, "b")

# Dict built from zip and enumerate.
assert dict(enumerate("ab")) == {0: "a", 1: "b"}
assert dict(zip(range(3), "xyz")) == {0: "x", 1: "y", 2: "z"}
print("ok")
