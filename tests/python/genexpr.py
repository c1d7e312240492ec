# Generator expressions: laziness, single use, use as call arguments.

g = (x * 2 for x in range(4))
assert type(g).__name__ == "generator"
assert next(g) == 0
assert list(g) == [2, 4, 6]
assert list(g) == []

assert sum(x for x in range(101)) == 5050
assert max(len(w) for w in "a bb ccc".split()) == 3
assert "".join(c.upper() for c in "abc") == "ABC"
assert sorted((x % 3 for x in range(6)), reverse=True) == [2, 2, 1, 1, 0, 0]
assert any(x > 3 for x in range(5)) and not all(x > 3 for x in range(5))
assert tuple(i for i in "ab") == ("a", "b")
assert dict((i, i * i) for i in range(3)) == {0: 0, 1: 1, 2: 4}
assert set(c for c in "aab") == {"a", "b"}
assert min((abs(v), v) for v in (-3, 2, -1)) == (1, -1)

# Laziness: side effects happen only as consumed.
seen = []
def note(v):
    seen.append(v)
    return v
lazy = (note(i) for i in range(5))
assert seen == []
next(lazy)
next(lazy)
assert seen == [0, 1]

# any/all short-circuit over a generator.
seen.clear()
assert any(note(i) > 1 for i in range(10))
assert seen == [0, 1, 2]
seen.clear()
assert not all(note(i) < 1 for i in range(10))
assert seen == [0, 1]

# Generator expressions with multiple for and if clauses.
pairs = list((a, b) for a in range(3) if a for b in range(a) if b % 2 == 0)
assert pairs == [(1, 0), (2, 0)]

# Infinite source with manual limit.
def naturals():
    n = 0
    while True:
        yield n
        n += 1
squares = (n * n for n in naturals())
got = []
for s in squares:
    if s > 50:
        break
    got.append(s)
assert got == [0, 1, 4, 9, 16, 25, 36, 49]

# Chained generator expressions.
nums = range(20)
evens = (n for n in nums if n % 2 == 0)
big = (n for n in evens if n > 10)
assert list(big) == [12, 14, 16, 18]

# A generator expression is its own iterator, and supports send/throw/close.
ge = (i for i in range(3))
assert iter(ge) is ge
assert ge.send(None) == 0
ge.close()
assert list(ge) == []

# Exceptions inside a genexp surface when consumed.
bad = (1 // v for v in (1, 0))
assert next(bad) == 1
try:
    next(bad)
except ZeroDivisionError:
    pass
else:
    raise AssertionError

# Parentheses can be omitted only for a sole argument.
assert sum(i for i in range(3)) == 3
assert sum((i for i in range(3)), 10) == 13
print("ok")
