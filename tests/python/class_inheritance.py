# Single and multiple inheritance, method overriding and attribute lookup.

class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def describe(self):
        return "%s the %s says %s" % (self.name, self.kind, self.speak())

class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "woof"

class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + "!"

d = Dog("Rex")
assert d.describe() == "Rex the dog says woof"
p = Puppy("Bit")
assert p.describe() == "Bit the dog says woof!"
assert isinstance(p, Dog) and isinstance(p, Animal)
assert issubclass(Puppy, Animal) and not issubclass(Animal, Dog)
assert Puppy.__bases__ == (Dog,)
assert Puppy.__base__ is Dog
assert Puppy.__mro__ == (Puppy, Dog, Animal, object)

# Class attributes are inherited and can be overridden at any level.
Animal.legs = 4
assert p.legs == 4
Dog.legs = 3
assert p.legs == 3 and Animal.legs == 4

# Multiple inheritance: attribute lookup follows the MRO.
class A:
    def who(self):
        return "A"
    def only_a(self):
        return "only A"
class B(A):
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C"
    def only_c(self):
        return "only C"
class D(B, C):
    pass
obj = D()
assert obj.who() == "B"
assert obj.only_c() == "only C"
assert obj.only_a() == "only A"
assert D.__mro__ == (D, B, C, A, object)
class E(C, B):
    pass
assert E().who() == "C"

# Mixins.
class JsonMixin:
    def to_json(self):
        items = sorted(self.__dict__.items())
        return "{" + ", ".join('"%s": %r' % kv for kv in items) + "}"
class EqMixin:
    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__
    __hash__ = None
class Rec(JsonMixin, EqMixin):
    def __init__(self, **kw):
        self.__dict__.update(kw)
r = Rec(b=2, a=1)
assert r.to_json() == '{"a": 1, "b": 2}'
assert r == Rec(a=1, b=2) and r != Rec(a=1)

# Inherited __init__.
class Base:
    def __init__(self, v=0):
        self.v = v
class Derived(Base):
    pass
assert Derived(5).v == 5
assert Derived().v == 0

# Overriding __init__ without calling the base leaves base attributes unset.
class NoSuper(Base):
    def __init__(self):
        pass
assert not hasattr(NoSuper(), "v")

# Calling overridden method from the base class (template method).
class Shape:
    def area(self):
        raise NotImplementedError
    def report(self):
        return "%s: %g" % (type(self).__name__, self.area())
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
assert Square(3).report() == "Square: 9"
try:
    Shape().report()
except NotImplementedError:
    pass
else:
    raise AssertionError

# __subclasses__ and __bases__ of multiple inheritance.
assert D.__bases__ == (B, C)
assert set(A.__subclasses__()) == {B, C}
assert object in D.__mro__

# Inheriting from object explicitly is the same.
class X(object):
    pass
assert X.__mro__ == (X, object)

# Attribute assignment on subclass does not affect base.
class P1:
    attr = "p1"
class P2(P1):
    pass
P2.attr = "p2"
assert P1.attr == "p1" and P2.attr == "p2"
del P2.attr
assert P2.attr == "p1"

# Base class with classes that are not types.
try:
    class Bad(1):
        pass
except TypeError:
    pass
else:
    raise AssertionError

# Duplicate base class.
try:
    class Dup(A, A):
        pass
except TypeError as e:
    assert str(e) == "duplicate base class A", str(e)
else:
    raise AssertionError
print("ok")
