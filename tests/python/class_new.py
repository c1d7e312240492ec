# __new__ and __init__: order, arguments, returning other types, immutable subclasses.

log = []
class Tracked:
    def __new__(cls, *args, **kwargs):
        log.append(("new", cls.__name__, args, kwargs))
        return super().__new__(cls)
    def __init__(self, a, b=0):
        log.append(("init", a, b))
        self.a, self.b = a, b
t = Tracked(1, b=2)
assert log == [("new", "Tracked", (1,), {"b": 2}), ("init", 1, 2)], log
assert (t.a, t.b) == (1, 2)

# __new__ returning an instance of another class: __init__ is not called.
class Other:
    pass
init_called = []
class Factory:
    def __new__(cls, kind):
        if kind == "int":
            return 42
        if kind == "other":
            return Other()
        return super().__new__(cls)
    def __init__(self, kind):
        init_called.append(kind)
assert Factory("int") == 42
assert type(Factory("other")) is Other
f = Factory("self")
assert type(f) is Factory
assert init_called == ["self"]

# __new__ returning an instance of a subclass: __init__ is called.
class Shape:
    def __new__(cls, sides):
        if cls is Shape:
            sub = {3: Triangle, 4: Square}[sides]
            return super().__new__(sub)
        return super().__new__(cls)
    def __init__(self, sides):
        self.sides = sides
class Triangle(Shape):
    pass
class Square(Shape):
    pass
s = Shape(3)
assert type(s) is Triangle and s.sides == 3
assert type(Shape(4)) is Square

# Singletons via __new__.
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
assert Singleton() is Singleton()

# Subclassing immutable types requires __new__.
class Celsius(float):
    def __new__(cls, value):
        return super().__new__(cls, round(value, 1))
    def __repr__(self):
        return "Celsius(%s)" % float(self)
c = Celsius(21.456)
assert c == 21.5 and isinstance(c, float)
assert repr(c) == "Celsius(21.5)"
assert type(c + 1) is float

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("abc")
assert u == "ABC" and type(u) is Upper
assert type(u + "x") is str

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
pr = Pair(1, 2)
assert pr == (1, 2) and pr.first == 1 and len(pr) == 2

class Even(int):
    def __new__(cls, v):
        if v % 2:
            raise ValueError("odd")
        return super().__new__(cls, v)
assert Even(4) + 1 == 5
try:
    Even(3)
except ValueError as e:
    assert str(e) == "odd"

# object.__new__ with extra args when __init__ is not overridden.
class Plain:
    pass
try:
    Plain(1, 2)
except TypeError as e:
    assert str(e) == "Plain() takes no arguments", str(e)
else:
    raise AssertionError
class OnlyInit:
    def __init__(self, x):
        self.x = x
assert OnlyInit(3).x == 3
class OnlyNew:
    def __new__(cls, x):
        obj = super().__new__(cls)
        obj.x = x
        return obj
assert OnlyNew(7).x == 7

# object.__new__ requires a type.
try:
    object.__new__(5)
except TypeError as e:
    assert "is not a type object" in str(e), str(e)
else:
    raise AssertionError

# __new__ is a static method implicitly.
assert isinstance(Tracked.__dict__["__new__"], staticmethod)

# Creating instances without calling __init__.
raw = Tracked.__new__(Tracked)
assert not hasattr(raw, "a")
raw2 = object.__new__(OnlyInit)
assert type(raw2) is OnlyInit and not hasattr(raw2, "x")
print("ok")
