# dict views: keys/values/items, dynamic updates, set operations, reversed.

d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
assert list(k) == ["a", "b", "c"]
assert list(v) == [1, 2, 3]
assert list(it) == [("a", 1), ("b", 2), ("c", 3)]
assert len(k) == 3 and len(v) == 3 and len(it) == 3
assert "a" in k and "z" not in k
assert 2 in v and 9 not in v
assert ("a", 1) in it and ("a", 2) not in it

# Views are live.
d["d"] = 4
assert list(k) == ["a", "b", "c", "d"] and 4 in v and ("d", 4) in it
del d["a"]
assert "a" not in k and len(v) == 3

# repr.
assert repr({"x": 1}.keys()) == "dict_keys(['x'])"
assert repr({"x": 1}.values()) == "dict_values([1])"
assert repr({"x": 1}.items()) == "dict_items([('x', 1)])"

# Set operations on keys and items views return sets.
a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "z": 3, "w": 0}
assert a.keys() & b.keys() == {"y", "z"}
assert a.keys() | b.keys() == {"x", "y", "z", "w"}
assert a.keys() - b.keys() == {"x"}
assert a.keys() ^ b.keys() == {"x", "w"}
assert type(a.keys() & b.keys()) is set
assert a.items() & b.items() == {("z", 3)}
assert a.items() - b.items() == {("x", 1), ("y", 2)}
assert a.keys() & ["x", "q"] == {"x"}
assert a.keys() == {"x", "y", "z"}
assert a.keys() != {"x"}
assert a.keys() <= {"x", "y", "z", "extra"}
assert a.keys() > {"x"}
assert a.keys().isdisjoint({"q"}) and not a.keys().isdisjoint(["x"])
assert a.items() == {("x", 1), ("y", 2), ("z", 3)}
assert a.items() | {("n", 0)} == {("x", 1), ("y", 2), ("z", 3), ("n", 0)}

# values views do not support set ops and never compare equal.
try:
    a.values() & b.values()
except TypeError:
    pass
else:
    raise AssertionError
assert a.values() != a.values()

# Iterating a view while changing the dict size fails.
try:
    for key in d.keys():
        d["new" + key] = 0
except RuntimeError as e:
    assert str(e) == "dictionary changed size during iteration"
else:
    raise AssertionError

# reversed views (3.8+).
r = {"a": 1, "b": 2, "c": 3}
assert list(reversed(r)) == ["c", "b", "a"]
assert list(reversed(r.keys())) == ["c", "b", "a"]
assert list(reversed(r.values())) == [3, 2, 1]
assert list(reversed(r.items())) == [("c", 3), ("b", 2), ("a", 1)]

# mapping attribute of views (3.10+).
mp = r.keys().mapping
assert mp["a"] == 1 and type(mp).__name__ == "mappingproxy"

# Unpacking items in loops; sorting items by value.
scores = {"ann": 3, "bob": 5, "cy": 1}
ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
assert ranked == [("bob", 5), ("ann", 3), ("cy", 1)]
total = 0
for name, score in scores.items():
    total += score
assert total == 9
inverted = {val: key for key, val in scores.items()}
assert inverted == {3: "ann", 5: "bob", 1: "cy"}

# Views of an empty dict.
e = {}
assert list(e.keys()) == [] and not e.keys() and not e.items()
assert sum(e.values()) == 0

# Views are iterable multiple times and not iterators themselves.
kv = r.keys()
assert list(kv) == list(kv)
try:
    next(kv)
except TypeError as e:
    assert str(e) == "'dict_keys' object is not an iterator", str(e)
else:
    raise AssertionError
print("ok")

# Set operations on views build their result as CPython does (a set of the left operand,
# updated by the right one; & iterates the smaller side), so the printed order matches.
d = {k: k * 2 for k in [19, 3, 11, 8, 27, 35, -1, 64, 5]}
e = {k: 0 for k in [8, 27, 100, 3, 43, 51]}
L = [51, 43, 8, 35, 200, 19]
assert list(d.keys() | L) == [64, 3, 35, 5, 8, 200, 11, 43, 19, 51, 27, -1], list(d.keys() | L)
assert list(L | d.keys()) == [64, 35, 3, 5, 8, 200, 43, 11, 51, 19, 27, -1], list(L | d.keys())
assert list(d.keys() | e.keys()) == [64, 3, 35, 5, 100, 8, 11, 43, 19, 51, 27, -1], list(d.keys() | e.keys())
assert list(d.keys() - L) == [64, 3, 5, 11, 27, -1], list(d.keys() - L)
assert list(d.keys() - e.keys()) == [64, 35, 5, 11, 19, -1], list(d.keys() - e.keys())
assert list(d.keys() ^ L) == [64, 3, 5, 200, 11, 43, 51, 27, -1], list(d.keys() ^ L)
assert list(d.keys() ^ e.keys()) == [64, 35, 5, 100, 11, 43, 19, 51, -1], list(d.keys() ^ e.keys())
assert list(L ^ d.keys()) == [64, 3, 5, 200, 43, 11, 51, 27, -1], list(L ^ d.keys())
assert list(d.keys() & L) == [8, 19, 35], list(d.keys() & L)
assert list(L & d.keys()) == [8, 19, 35], list(L & d.keys())
assert list(d.keys() & e.keys()) == [8, 3, 27], list(d.keys() & e.keys())
assert list(e.keys() & d.keys()) == [8, 3, 27], list(e.keys() & d.keys())
assert list(d.keys() & set(L)) == [8, 19, 35], list(d.keys() & set(L))
