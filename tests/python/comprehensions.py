# List, set and dict comprehensions: nesting, conditions, ordering of clauses.

assert [x * x for x in range(5)] == [0, 1, 4, 9, 16]
assert [x for x in range(10) if x % 3 == 0] == [0, 3, 6, 9]
assert [x for x in range(20) if x % 2 if x % 3] == [1, 5, 7, 11, 13, 17, 19]
assert [(x, y) for x in range(3) for y in range(x)] == [(1, 0), (2, 0), (2, 1)]
assert [(x, y) for x in "ab" for y in (1, 2)] == [("a", 1), ("a", 2), ("b", 1), ("b", 2)]
assert [y for x in [[1, 2], [3], []] for y in x] == [1, 2, 3]
assert [[r * c for c in range(3)] for r in range(3)] == [[0, 0, 0], [0, 1, 2], [0, 2, 4]]
assert [x if x > 0 else 0 for x in (-1, 2, -3, 4)] == [0, 2, 0, 4]
assert [c.upper() for c in "hi"] == ["H", "I"]
assert [] == [x for x in []]
assert [i for i in range(3) for _ in range(2)] == [0, 0, 1, 1, 2, 2]

# Transpose and flatten.
m = [[1, 2, 3], [4, 5, 6]]
assert [[row[i] for row in m] for i in range(3)] == [[1, 4], [2, 5], [3, 6]]
assert [v for row in m for v in row if v % 2 == 0] == [2, 4, 6]

# Set comprehensions.
s = {x % 4 for x in range(10)}
assert s == {0, 1, 2, 3} and type(s) is set
assert {c for c in "mississippi"} == {"m", "i", "s", "p"}
assert {(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)}

# Dict comprehensions.
d = {k: k * k for k in range(4)}
assert d == {0: 0, 1: 1, 2: 4, 3: 9}
assert list(d) == [0, 1, 2, 3]
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
assert inv == {1: "a", 2: "b"}
assert {k: v for k, v in [("x", 1), ("x", 2)]} == {"x": 2}     # later wins
assert {w: len(w) for w in "the quick brown".split() if len(w) > 3} == {"quick": 5, "brown": 5}
assert {i: {j: i * j for j in range(2)} for i in range(2)} == {0: {0: 0, 1: 0}, 1: {0: 0, 1: 1}}

# Evaluation order in dict comprehensions: key before value (3.8+).
order = []
def k(x):
    order.append("k%d" % x)
    return x
def v(x):
    order.append("v%d" % x)
    return x
{k(i): v(i) for i in range(2)}
assert order == ["k0", "v0", "k1", "v1"], order

# Comprehensions over generators, strings, dict views, zip, enumerate.
assert [a + b for a, b in zip("abc", "xyz")] == ["ax", "by", "cz"]
assert [i * c for i, c in enumerate("ab", 1)] == ["a", "bb"]
assert sorted(k for k in {"b": 1, "a": 2}.keys()) == ["a", "b"]
assert [n for n in (i * 2 for i in range(3))] == [0, 2, 4]

# Comprehension result with side effects runs eagerly.
calls = []
res = [calls.append(i) for i in range(3)]
assert calls == [0, 1, 2] and res == [None, None, None]

# Nested comprehension referencing the outer loop variable.
assert [[x + y for y in range(x)] for x in range(4)] == [[], [1], [2, 3], [3, 4, 5]]

# Walrus inside a comprehension (binds in containing scope).
total = 0
partial = [total := total + i for i in range(5)]
assert partial == [0, 1, 3, 6, 10] and total == 10

# Large comprehension.
big = [i for i in range(100000) if i % 7 == 0]
assert len(big) == 14286 and big[-1] == 99995

# Errors inside comprehensions propagate.
try:
    [1 // x for x in (1, 0)]
except ZeroDivisionError:
    pass
else:
    raise AssertionError
try:
    {x: y for x, y in [(1, 2), (3,)]}
except ValueError as e:
    assert str(e) == "not enough values to unpack (expected 2, got 1)", str(e)
else:
    raise AssertionError
try:
    {[]: 1 for _ in range(1)}
except TypeError as e:
    assert str(e) == "unhashable type: 'list'", str(e)
else:
    raise AssertionError
print("ok")
