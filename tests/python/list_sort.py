# list.sort and sorted: key, reverse, stability, errors, mutation during sort.

l = [3, 1, 2]
assert l.sort() is None and l == [1, 2, 3]
l.sort(reverse=True)
assert l == [3, 2, 1]
assert sorted([3, 1, 2]) == [1, 2, 3]
assert sorted("bca") == ["a", "b", "c"]
assert sorted((3, 1)) == [1, 3]
assert sorted({"b": 1, "a": 2}) == ["a", "b"]
assert sorted([]) == []
assert sorted([1.5, 1, True, 0, -0.5]) == [-0.5, 0, 1, True, 1.5]
assert sorted(["b", "A", "a", "B"]) == ["A", "B", "a", "b"]
assert sorted(["b", "A", "a", "B"], key=str.lower) == ["A", "a", "b", "B"]
assert sorted([-3, 2, -1], key=abs) == [-1, 2, -3]
assert sorted(["ccc", "a", "bb"], key=len, reverse=True) == ["ccc", "bb", "a"]
assert sorted([(1, "b"), (1, "a"), (0, "z")]) == [(0, "z"), (1, "a"), (1, "b")]
assert sorted([[2, 1], [1, 2], [1]]) == [[1], [1, 2], [2, 1]]

# Stability: equal keys keep their original order, also with reverse=True.
records = [("alice", 3), ("bob", 1), ("carol", 3), ("dave", 2), ("eve", 1)]
by_score = sorted(records, key=lambda r: r[1])
assert [r[0] for r in by_score] == ["bob", "eve", "dave", "alice", "carol"]
by_score_rev = sorted(records, key=lambda r: r[1], reverse=True)
assert [r[0] for r in by_score_rev] == ["alice", "carol", "dave", "bob", "eve"]

# Multi-pass sort relies on stability.
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
data.sort(key=lambda x: x[0])
data.sort(key=lambda x: x[1])
assert data == [("a", 1), ("c", 1), ("a", 2), ("b", 2)]

# Key function is called exactly once per element.
calls = []
def key(x):
    calls.append(x)
    return -x
assert sorted([1, 2, 3], key=key) == [3, 2, 1]
assert sorted(calls) == [1, 2, 3]

# Sorting larger inputs matches a simple reference (insertion sort).
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed
vals = [rnd() % 1000 for _ in range(500)]
ref = []
for v in vals:
    i = len(ref)
    while i > 0 and ref[i - 1] > v:
        i -= 1
    ref.insert(i, v)
assert sorted(vals) == ref
assert sorted(vals, reverse=True) == ref[::-1]
already = list(range(1000))
assert sorted(already) == already
assert sorted(already[::-1]) == already
assert sorted([5] * 100) == [5] * 100

# Errors.
try:
    [1, "a"].sort()
except TypeError as e:
    assert "'<' not supported between instances of" in str(e), str(e)
else:
    raise AssertionError
try:
    sorted([1, 2], key=lambda x: None)
except TypeError:
    pass
else:
    raise AssertionError
try:
    [3, 2].sort(lambda a, b: a - b)
except TypeError as e:
    assert str(e) == "sort() takes no positional arguments", str(e)
else:
    raise AssertionError
try:
    sorted()
except TypeError:
    pass
else:
    raise AssertionError

# Exception in key function propagates and leaves the list in some permutation.
l = [3, 1, 2]
def bad_key(x):
    if x == 2:
        raise ValueError("bad key")
    return x
try:
    l.sort(key=bad_key)
except ValueError:
    pass
assert sorted(l) == [1, 2, 3]

# Mutating the list during sort is detected.
l = [3, 2, 1]
def mutating_key(x):
    l.append(x)
    return x
try:
    l.sort(key=mutating_key)
except ValueError as e:
    assert str(e) == "list modified during sort", str(e)
else:
    raise AssertionError

# sorted returns a new list; sort is in place.
orig = [2, 1]
new = sorted(orig)
assert orig == [2, 1] and new == [1, 2]

# Sorting objects by attribute; custom __lt__.
class P:
    def __init__(self, n, a):
        self.n, self.a = n, a
ps = [P("x", 30), P("y", 20), P("z", 30)]
assert [p.n for p in sorted(ps, key=lambda p: (-p.a, p.n))] == ["x", "z", "y"]

# NaN does not crash sorting.
nan = float("nan")
res = sorted([3.0, nan, 1.0])
assert len(res) == 3
print("ok")
