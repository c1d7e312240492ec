# property: getter, setter, deleter, docstrings, read-only errors, inheritance.

class Temperature:
    def __init__(self, c):
        self._c = c
        self.log = []

    @property
    def celsius(self):
        "Temperature in Celsius."
        self.log.append("get")
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self.log.append("set")
        self._c = value

    @celsius.deleter
    def celsius(self):
        self.log.append("del")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temperature(100)
assert t.celsius == 100
t.celsius = 0
assert t.celsius == 0
assert t.fahrenheit == 32.0
try:
    t.celsius = -300
except ValueError as e:
    assert str(e) == "below absolute zero"
else:
    raise AssertionError
del t.celsius
assert t.log == ["get", "set", "get", "del"], t.log
assert not hasattr(t, "_c")
try:
    t.celsius
except AttributeError:
    pass
else:
    raise AssertionError

# Read-only property.
try:
    t.fahrenheit = 5
except AttributeError as e:
    assert str(e) == "property 'fahrenheit' of 'Temperature' object has no setter", str(e)
else:
    raise AssertionError
try:
    del t.fahrenheit
except AttributeError as e:
    assert str(e) == "property 'fahrenheit' of 'Temperature' object has no deleter", str(e)
else:
    raise AssertionError

# Accessing a property on the class returns the property object.
prop = Temperature.celsius
assert isinstance(prop, property)
assert prop.__doc__ == "Temperature in Celsius."
assert prop.fget is not None and prop.fset is not None and prop.fdel is not None
assert Temperature.fahrenheit.fset is None

# property() called directly.
class Box:
    def __init__(self):
        self._v = 1
    def get_v(self):
        return self._v
    def set_v(self, v):
        self._v = v * 2
    v = property(get_v, set_v, None, "the v")
b = Box()
b.v = 5
assert b.v == 10
assert Box.v.__doc__ == "the v"

# Properties take precedence over instance __dict__ (data descriptor).
b.__dict__["v"] = "shadow"
assert b.v == 10

# Getter-only property doc comes from the getter.
class Doc:
    @property
    def x(self):
        "x doc"
        return 1
assert Doc.x.__doc__ == "x doc"

# Inheritance and overriding properties.
class Base:
    @property
    def name(self):
        return "base"
class Child(Base):
    @property
    def name(self):
        return "child of " + super().name
assert Child().name == "child of base"

# Extending a parent's property with a setter in the subclass.
class Parent:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
class Kid(Parent):
    @Parent.x.setter
    def x(self, value):
        self._x = value + 1
k = Kid()
k.x = 10
assert k.x == 11
try:
    Parent().x = 1
except AttributeError:
    pass
else:
    raise AssertionError

# Exceptions inside getters propagate (AttributeError too).
class Faulty:
    @property
    def bad(self):
        raise KeyError("inner")
try:
    Faulty().bad
except KeyError as e:
    assert e.args == ("inner",)
else:
    raise AssertionError
try:
    hasattr(Faulty(), "bad")
except KeyError:
    pass
else:
    raise AssertionError("hasattr must not swallow KeyError")

# Lazy computed property using instance dict.
class Lazy:
    computed = 0
    @property
    def value(self):
        if "_cache" not in self.__dict__:
            Lazy.computed += 1
            self._cache = 42
        return self._cache
lz = Lazy()
assert lz.value == 42 and lz.value == 42 and Lazy.computed == 1

# property.getter/setter return new property objects.
p1 = property(lambda self: 1)
p2 = p1.setter(lambda self, v: None)
assert p1 is not p2 and p1.fset is None and p2.fset is not None
print("ok")
