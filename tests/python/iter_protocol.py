# Iteration protocol: __iter__/__next__, __getitem__-based iteration, iter() and next().

class Range3:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= 3:
            raise StopIteration
        self.i += 1
        return self.i

r = Range3()
assert list(r) == [1, 2, 3]
assert list(r) == []           # exhausted iterator stays exhausted

# Iterable that returns a fresh iterator each time.
class Coll:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
c = Coll([1, 2])
assert list(c) == [1, 2] and list(c) == [1, 2]
assert [x * 2 for x in c] == [2, 4]
assert sum(c) == 3 and max(c) == 2 and sorted(c, reverse=True) == [2, 1]
assert tuple(c) == (1, 2) and set(c) == {1, 2}
assert dict(Coll([("a", 1)])) == {"a": 1}
a, b = c
assert (a, b) == (1, 2)
assert 2 in c and 3 not in c

# Iterator via generator method.
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
assert list(t) == [1, 2, 3, 4]

# Old-style sequence iteration via __getitem__.
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
assert list(Seq()) == [0, 1, 4, 9]
assert 9 in Seq()
it = iter(Seq())
assert next(it) == 0 and next(it) == 1

# __getitem__ raising StopIteration also ends iteration.
class Seq2:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
assert list(Seq2()) == [0, 1]

# __iter__ = None disables iteration even with __getitem__.
class NotIter:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(NotIter())
except TypeError as e:
    assert str(e) == "'NotIter' object is not iterable", str(e)
else:
    raise AssertionError

# __iter__ returning a non-iterator.
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    assert str(e) == "iter() returned non-iterator of type 'int'", str(e)
else:
    raise AssertionError

# next() with default; StopIteration value.
it = iter([1])
assert next(it) == 1
assert next(it, "done") == "done"
try:
    next(it)
except StopIteration as e:
    assert e.args == ()
else:
    raise AssertionError
try:
    next([1, 2])
except TypeError as e:
    assert str(e) == "'list' object is not an iterator", str(e)
else:
    raise AssertionError

# Builtin iterators are their own iterators.
for obj in ([1], (1,), "a", {1: 2}, {1}, range(2), b"x"):
    i = iter(obj)
    assert iter(i) is i
    assert hasattr(i, "__next__")

# Two-argument iter(callable, sentinel).
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
assert list(iter(tick, 4)) == [1, 2, 3]
data = ["a", "b", "", "c"]
pos = iter(data)
assert list(iter(lambda: next(pos), "")) == ["a", "b"]
try:
    iter(5, 1)
except TypeError as e:
    assert str(e) == "iter(v, w): v must be callable", str(e)
else:
    raise AssertionError

# Exceptions other than StopIteration propagate from __next__.
class Boom:
    def __iter__(self):
        return self
    def __next__(self):
        raise KeyError("boom")
try:
    for _ in Boom():
        pass
except KeyError as e:
    assert e.args == ("boom",)
else:
    raise AssertionError

# Iterating a dict while iterating its items/views; reversed on sequences.
assert list(reversed([1, 2, 3])) == [3, 2, 1]
assert list(reversed("abc")) == ["c", "b", "a"]
assert list(reversed(range(3))) == [2, 1, 0]
assert list(reversed({"a": 1, "b": 2})) == ["b", "a"]
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "xyz"[i]
assert list(reversed(Rev())) == ["z", "y", "x"]
class CustomRev:
    def __reversed__(self):
        return iter([9, 8])
assert list(reversed(CustomRev())) == [9, 8]
try:
    reversed({1, 2})
except TypeError as e:
    assert str(e) == "'set' object is not reversible", str(e)
else:
    raise AssertionError

# list iterator sees appended items; length hint not required.
lst = [1, 2]
it = iter(lst)
next(it)
lst.append(3)
assert list(it) == [2, 3]

# enumerate/zip/map return lazy iterators.
e = enumerate("ab")
assert next(e) == (0, "a") and list(e) == [(1, "b")]
z = zip([1, 2, 3], "ab")
assert list(z) == [(1, "a"), (2, "b")] and list(z) == []
print("ok")
