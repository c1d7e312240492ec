# Container protocol: __getitem__/__setitem__/__delitem__/__contains__/__len__, slices, __missing__.

class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
        self.ops = []
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        self.ops.append(("get", key))
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.ops.append(("set", key, value))
        self.cells[key] = value
    def __delitem__(self, key):
        self.ops.append(("del", key))
        self.cells.pop(key, None)
    def __contains__(self, value):
        return value in self.cells.values()

g = Grid(3, 2)
g[0, 1] = "#"
assert g[0, 1] == "#" and g[1, 1] == "."
assert "#" in g and "@" not in g
del g[0, 1]
assert g[0, 1] == "."
assert len(g) == 6
assert g.ops[0] == ("set", (0, 1), "#")
try:
    g[5, 5]
except IndexError as e:
    assert str(e) == "cell out of range"
else:
    raise AssertionError

# Slices are passed as slice objects.
class Recorder:
    def __getitem__(self, k):
        return k
r = Recorder()
assert r[1:2] == slice(1, 2, None)
assert r[::3] == slice(None, None, 3)
assert r[1:2, 3] == (slice(1, 2, None), 3)
assert r[...] is Ellipsis
assert r[:, None] == (slice(None, None, None), None)
assert r["k"] == "k"
assert r[-1] == -1

# A list-like class implementing slicing with slice.indices.
class MyList:
    def __init__(self, data):
        self.data = list(data)
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return MyList(self.data[j] for j in range(*i.indices(len(self.data))))
        return self.data[i]
    def __eq__(self, o):
        return list(self) == list(o)
m = MyList("abcdef")
assert m[1:4] == list("bcd")
assert m[::-2] == list("fdb")
assert m[-1] == "f"
assert list(m) == list("abcdef")        # iteration via __getitem__ until IndexError
assert "c" in m                         # 'in' falls back to iteration

# __contains__ result is converted to bool.
class Weird:
    def __contains__(self, x):
        return "truthy string"
assert (1 in Weird()) is True
assert (1 not in Weird()) is False

# __missing__ on dict subclasses.
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "abracadabra":
    c[ch] += 1
assert c == {"a": 5, "b": 2, "r": 2, "c": 1, "d": 1}
assert c["zzz"] == 0 and "zzz" not in c
assert c.get("zzz") is None               # get() does not call __missing__

class AutoVivify(dict):
    def __missing__(self, key):
        value = self[key] = AutoVivify()
        return value
tree = AutoVivify()
tree["a"]["b"]["c"] = 1
assert tree == {"a": {"b": {"c": 1}}}

# Non-subscriptable and non-assignable types.
try:
    five = 5
    five[0]
except TypeError as e:
    assert str(e) == "'int' object is not subscriptable", str(e)
else:
    raise AssertionError
try:
    (1, 2)[0] = 5
except TypeError as e:
    assert str(e) == "'tuple' object does not support item assignment", str(e)
else:
    raise AssertionError
class ReadOnly:
    def __getitem__(self, k):
        return k
try:
    ReadOnly()[0] = 1
except TypeError as e:
    assert str(e) == "'ReadOnly' object does not support item assignment", str(e)
else:
    raise AssertionError
try:
    del ReadOnly()[0]
except TypeError as e:
    assert str(e) == "'ReadOnly' object doesn't support item deletion", str(e)
else:
    raise AssertionError

# Index type errors.
try:
    lst = [1, 2]
    lst["a"]
except TypeError as e:
    assert str(e) == "list indices must be integers or slices, not str", str(e)
else:
    raise AssertionError
try:
    tup = (1, 2)
    tup[1.0]
except TypeError as e:
    assert str(e) == "tuple indices must be integers or slices, not float", str(e)
else:
    raise AssertionError
try:
    s = "abc"
    s[None]
except TypeError as e:
    assert str(e) == "string indices must be integers, not 'NoneType'", str(e)
else:
    raise AssertionError

# __class_getitem__ for generic-like syntax.
class Gen:
    def __class_getitem__(cls, item):
        return ("generic", cls.__name__, item)
assert Gen[int] == ("generic", "Gen", int)
assert list[int] == list[int]
assert repr(list[int]) == "list[int]"
assert repr(dict[str, int]) == "dict[str, int]"
print("ok")
