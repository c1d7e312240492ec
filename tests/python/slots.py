# __slots__: fixed attributes, no __dict__, inheritance, defaults via class attributes.

class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
assert (p.x, p.y) == (1, 2)
p.x = 10
assert p.x == 10
assert not hasattr(p, "__dict__")
try:
    p.z = 3
except AttributeError as e:
    assert str(e) == "'P' object has no attribute 'z'", str(e)
else:
    raise AssertionError

# Unset slot raises AttributeError.
class Q:
    __slots__ = ["a", "b"]
q = Q()
try:
    q.a
except AttributeError as e:
    assert str(e) == "'Q' object has no attribute 'a'", str(e)
else:
    raise AssertionError
q.a = 1
del q.a
assert not hasattr(q, "a")
try:
    del q.a
except AttributeError:
    pass
else:
    raise AssertionError

# Slots are descriptors on the class.
assert type(P.__dict__["x"]).__name__ == "member_descriptor"
assert P.__slots__ == ("x", "y")
assert P.x.__get__(p) == 10

# Subclass without __slots__ gets a __dict__.
class PD(P):
    pass
pd = PD(1, 2)
pd.extra = 5
assert pd.__dict__ == {"extra": 5}

# Subclass with its own slots extends.
class P3(P):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
p3 = P3(1, 2, 3)
assert (p3.x, p3.y, p3.z) == (1, 2, 3)
try:
    p3.w = 4
except AttributeError:
    pass
else:
    raise AssertionError

# Slot including __dict__ allows dynamic attributes.
class Hybrid:
    __slots__ = ("a", "__dict__")
hy = Hybrid()
hy.a = 1
hy.b = 2
assert hy.__dict__ == {"b": 2}

# A string __slots__ means a single slot.
class One:
    __slots__ = "only"
o = One()
o.only = 5
assert o.only == 5

# Conflict between slot and class attribute.
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    assert str(e) == "'v' in __slots__ conflicts with class variable", str(e)
else:
    raise AssertionError

# Slots with properties and methods.
class Vec:
    __slots__ = ("_x", "_y")
    def __init__(self, x, y):
        self._x, self._y = x, y
    @property
    def length2(self):
        return self._x ** 2 + self._y ** 2
    def __repr__(self):
        return "Vec(%r, %r)" % (self._x, self._y)
v = Vec(3, 4)
assert v.length2 == 25 and repr(v) == "Vec(3, 4)"

# Many instances with slots behave independently.
pts = [P(i, -i) for i in range(100)]
assert sum(pt.x + pt.y for pt in pts) == 0
assert pts[42].x == 42

# Empty __slots__.
class NoAttrs:
    __slots__ = ()
na = NoAttrs()
try:
    na.anything = 1
except AttributeError:
    pass
else:
    raise AssertionError

# __weakref__ absent; vars() fails without __dict__.
try:
    vars(p)
except TypeError as e:
    assert str(e) == "vars() argument must have __dict__ attribute", str(e)
else:
    raise AssertionError
print("ok")
