# __eq__ and __hash__: unhashable when __eq__ is defined without __hash__, dict/set keys.

class NoEq:
    pass
a, b = NoEq(), NoEq()
assert hash(a) == hash(a)
assert {a: 1}[a] == 1
assert len({a, b}) == 2

class EqOnly:
    def __eq__(self, o):
        return True
assert EqOnly.__hash__ is None
try:
    hash(EqOnly())
except TypeError as e:
    assert str(e) == "unhashable type: 'EqOnly'", str(e)
else:
    raise AssertionError
try:
    {EqOnly(): 1}
except TypeError as e:
    assert str(e) == "unhashable type: 'EqOnly'", str(e)
else:
    raise AssertionError
try:
    set([EqOnly()])
except TypeError:
    pass
else:
    raise AssertionError

class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and self.k.lower() == o.k.lower()
    def __hash__(self):
        return hash(self.k.lower())
d = {Key("Hello"): 1}
assert d[Key("HELLO")] == 1
assert Key("hello") in d
s = {Key("a"), Key("A"), Key("b")}
assert len(s) == 2

# Subclass inherits __hash__ unless it defines __eq__.
class SubKey(Key):
    pass
assert hash(SubKey("x")) == hash(Key("X"))
class SubEq(Key):
    def __eq__(self, o):
        return False
assert SubEq.__hash__ is None

# Explicit __hash__ = None makes a class unhashable.
class Unh:
    __hash__ = None
try:
    hash(Unh())
except TypeError as e:
    assert str(e) == "unhashable type: 'Unh'"

# __hash__ must return an int.
class BadHash:
    def __hash__(self):
        return "nope"
try:
    hash(BadHash())
except TypeError as e:
    assert str(e) == "__hash__ method should return an integer", str(e)
else:
    raise AssertionError

# Large __hash__ results are reduced.
class BigHash:
    def __hash__(self):
        return 2 ** 100
assert hash(BigHash()) == hash(2 ** 100)

# Builtin hashability.
for v in (1, 1.5, "s", b"b", (1, 2), frozenset([1]), None, True, range(3), slice):
    hash(v)
for v in ([], {}, set(), bytearray(), ([],)):
    try:
        hash(v)
    except TypeError as e:
        assert str(e).startswith("unhashable type: "), str(e)
    else:
        raise AssertionError(v)
try:
    hash(([],))
except TypeError as e:
    assert str(e) == "unhashable type: 'list'", str(e)

# Equal numbers hash equal across types and are the same dict key.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
assert d == {1: "bool"} and list(d.keys()) == [1] and type(list(d)[0]) is int
s = {0, 0.0, False, -0.0}
assert len(s) == 1

# __eq__ is called on hash collisions.
calls = []
class Coll:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, o):
        calls.append((self.v, o.v))
        return self.v == o.v
d = {Coll(1): "one", Coll(2): "two"}
assert d[Coll(2)] == "two"
assert calls, calls
assert len(d) == 2

# Mutating a key's hash after insertion: the key can no longer be found by value.
class Mutable:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == o.v
m = Mutable(1)
dd = {m: "x"}
m.v = 2
assert Mutable(2) not in dd and Mutable(1) not in dd
assert m in list(dd)
print("ok")
