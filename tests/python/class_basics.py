# Classes: attributes, instances, methods, class vs instance attributes.

class Point:
    """A 2-D point."""
    dims = 2
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(3, 4)
assert p.x == 3 and p.y == 4
assert p.norm2() == 25
q = p.moved(1, 1)
assert (q.x, q.y) == (4, 5)
assert Point.count == 2
assert p.dims == 2 and Point.dims == 2
assert Point.__doc__ == "A 2-D point."
assert Point.__name__ == "Point"
assert Point.__qualname__ == "Point"
assert Point.__module__ == "__main__"
assert type(p) is Point and p.__class__ is Point
assert isinstance(p, Point) and isinstance(p, object)

# Instance attribute shadows class attribute.
p.dims = 3
assert p.dims == 3 and Point.dims == 2 and q.dims == 2
del p.dims
assert p.dims == 2

# Mutable class attribute shared by all instances.
class Bag:
    items = []
    def add(self, v):
        self.items.append(v)
b1, b2 = Bag(), Bag()
b1.add(1)
b2.add(2)
assert Bag.items == [1, 2] and b1.items is b2.items

# Changing class attribute is visible through instances.
Point.dims = 5
assert q.dims == 5
Point.dims = 2

# Methods are functions on the class; bound on access through instances.
assert Point.norm2(p) == 25
m = p.norm2
assert m() == 25
assert m.__self__ is p and m.__func__ is Point.norm2

# Adding methods after class creation.
def describe(self):
    return "(%s, %s)" % (self.x, self.y)
Point.describe = describe
assert p.describe() == "(3, 4)"

# Function stored on an instance is not bound.
p.f = lambda: "plain"
assert p.f() == "plain"

# Attribute errors.
try:
    p.missing
except AttributeError as e:
    assert str(e) == "'Point' object has no attribute 'missing'", str(e)
else:
    raise AssertionError
try:
    Point.missing
except AttributeError as e:
    assert str(e) == "type object 'Point' has no attribute 'missing'", str(e)
else:
    raise AssertionError

# Calling __init__ with wrong args.
try:
    Point(1)
except TypeError as e:
    assert str(e) == "Point.__init__() missing 1 required positional argument: 'y'", str(e)
else:
    raise AssertionError
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    assert str(e) == "NoInit() takes no arguments", str(e)
else:
    raise AssertionError

# __init__ must return None.
class BadInit:
    def __init__(self):
        return 1
try:
    BadInit()
except TypeError as e:
    assert str(e) == "__init__() should return None, not 'int'", str(e)
else:
    raise AssertionError

# Empty class and dynamic attributes.
class Empty:
    pass
e = Empty()
e.a = 1
setattr(e, "b", 2)
assert e.__dict__ == {"a": 1, "b": 2}
assert Empty.__bases__ == (object,)

# Nested classes and qualnames.
class Outer:
    class Inner:
        def m(self):
            pass
assert Outer.Inner.__qualname__ == "Outer.Inner"
assert Outer.Inner.m.__qualname__ == "Outer.Inner.m"
def fn():
    class Local:
        pass
    return Local
assert fn().__qualname__ == "fn.<locals>.Local"

# Default repr mentions the class.
r = repr(Empty())
assert r.startswith("<__main__.Empty object at 0x") and r.endswith(">"), r
assert str(Empty()).startswith("<__main__.Empty object at ")
assert repr(Empty) == "<class '__main__.Empty'>"
assert repr(int) == "<class 'int'>"

# Class body executes top to bottom, with local names becoming attributes.
class Computed:
    a = 1
    b = a + 1
    names = [n for n in ("x", "y")]
    del a
assert Computed.b == 2 and not hasattr(Computed, "a")
assert Computed.names == ["x", "y"]

# Instances compare by identity by default.
x1, x2 = Empty(), Empty()
assert x1 != x2 and x1 == x1
assert hash(x1) == hash(x1)
print("ok")
