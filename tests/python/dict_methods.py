# dict: construction, methods, insertion order, errors.

d = {"a": 1, "b": 2}
assert d["a"] == 1 and len(d) == 2
d["c"] = 3
assert list(d) == ["a", "b", "c"]
d["a"] = 10                   # updating keeps position
assert list(d) == ["a", "b", "c"] and d["a"] == 10
del d["a"]
d["a"] = 1                    # re-inserting moves to the end
assert list(d) == ["b", "c", "a"]

# Constructors.
assert dict() == {}
assert dict(a=1, b=2) == {"a": 1, "b": 2}
assert dict([("x", 1), ("y", 2)]) == {"x": 1, "y": 2}
assert dict({"x": 1}, y=2) == {"x": 1, "y": 2}
assert dict(zip("ab", [1, 2])) == {"a": 1, "b": 2}
assert dict([("k", 1), ("k", 2)]) == {"k": 2}
assert dict.fromkeys("abc") == {"a": None, "b": None, "c": None}
assert dict.fromkeys(["x", "y"], 0) == {"x": 0, "y": 0}
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
assert shared["q"] == [1]
try:
    dict([("a", 1, 2)])
except ValueError as e:
    assert str(e) == "dictionary update sequence element #0 has length 3; 2 is required", str(e)
else:
    raise AssertionError
try:
    dict([1])
except TypeError as e:
    assert str(e) == "cannot convert dictionary update sequence element #0 to a sequence", str(e)
else:
    raise AssertionError

# get / setdefault / pop / popitem.
d = {"a": 1}
assert d.get("a") == 1 and d.get("z") is None and d.get("z", 5) == 5
assert d.setdefault("a", 99) == 1
assert d.setdefault("b", []) == [] and d == {"a": 1, "b": []}
d.setdefault("b").append(1)
assert d["b"] == [1]
assert d.setdefault("c") is None and "c" in d
assert d.pop("c") is None
assert d.pop("zz", "dflt") == "dflt"
try:
    d.pop("zz")
except KeyError as e:
    assert e.args == ("zz",)
else:
    raise AssertionError
d = {"x": 1, "y": 2, "z": 3}
assert d.popitem() == ("z", 3)           # LIFO
assert d.popitem() == ("y", 2)
assert d == {"x": 1}
d.popitem()
try:
    d.popitem()
except KeyError as e:
    assert str(e) == "'popitem(): dictionary is empty'", str(e)
else:
    raise AssertionError

# update.
d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3)])
d.update(d=4)
d.update({"a": 0}, e=5)
assert d == {"a": 0, "b": 2, "c": 3, "d": 4, "e": 5}
assert list(d) == ["a", "b", "c", "d", "e"]

# copy / clear.
c = d.copy()
assert c == d and c is not d
c["a"] = 100
assert d["a"] == 0
c.clear()
assert c == {} and len(d) == 5

# Merge operators.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
assert a | b == {"x": 1, "y": 20, "z": 30}
assert b | a == {"y": 2, "z": 30, "x": 1}
assert list(b | a) == ["y", "z", "x"]
a |= b
assert a == {"x": 1, "y": 20, "z": 30}
a |= [("w", 0)]
assert a["w"] == 0
try:
    {} | [("a", 1)]
except TypeError as e:
    assert str(e) == "unsupported operand type(s) for |: 'dict' and 'list'", str(e)
else:
    raise AssertionError

# KeyError details.
try:
    {}["missing"]
except KeyError as e:
    assert e.args == ("missing",) and str(e) == "'missing'"
try:
    {}[(1, 2)]
except KeyError as e:
    assert e.args == ((1, 2),) and str(e) == "(1, 2)"

# Equality ignores order.
assert {"a": 1, "b": 2} == {"b": 2, "a": 1}
assert {"a": 1} != {"a": 1.5}
assert {1: "x"} == {1.0: "x"}
try:
    {} < {}
except TypeError as e:
    assert str(e) == "'<' not supported between instances of 'dict' and 'dict'"

# Mutation during iteration.
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    assert str(e) == "dictionary changed size during iteration", str(e)
else:
    raise AssertionError
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    assert str(e) == "dictionary changed size during iteration"
else:
    raise AssertionError
d = {1: 1, 2: 2}
for k in d:
    d[k] = "changed"               # changing values is allowed
assert d == {1: "changed", 2: "changed"}

# Keys of many types.
mixed = {1: "int", "1": "str", (1,): "tuple", None: "none", 2.5: "float", frozenset([1]): "fs", True: "bool?"}
assert mixed[1] == "bool?"         # True == 1 replaced the value, kept the key
assert mixed[None] == "none" and mixed[(1,)] == "tuple" and mixed[frozenset({1})] == "fs"
assert len(mixed) == 6

# repr.
assert repr({}) == "{}"
assert repr({"a": [1, {"b": None}]}) == "{'a': [1, {'b': None}]}"
assert str({1: "x", (2, 3): 4.0}) == "{1: 'x', (2, 3): 4.0}"

# Large dict with deletions keeps order and contents.
big = {}
for i in range(10000):
    big[i] = i * 2
for i in range(0, 10000, 2):
    del big[i]
assert len(big) == 5000 and list(big)[:3] == [1, 3, 5] and big[9999] == 19998
for i in range(0, 10000, 2):
    big[i] = -i
assert list(big)[5000] == 0 and len(big) == 10000

# in / not in test keys only.
assert "a" in {"a": 1} and 1 not in {"a": 1}
print("ok")

# Insert/delete churn: deleted slots must not fill the index (lookups would never end).
d = {}
for r in range(200):
    for k in range(-4, 4):
        d[k + r] = r
    for k in range(-4, 4):
        del d[k + r]
assert d == {} and len(d) == 0
d["a"] = 1
assert list(d.items()) == [("a", 1)]
