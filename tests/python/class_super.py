# super(): zero-argument and explicit forms, cooperative multiple inheritance.

class A:
    def __init__(self):
        self.trail = ["A"]
    def hello(self):
        return "A.hello"
    @classmethod
    def make(cls):
        return "A.make(%s)" % cls.__name__
    @staticmethod
    def st():
        return "A.st"

class B(A):
    def __init__(self):
        super().__init__()
        self.trail.append("B")
    def hello(self):
        return "B>" + super().hello()
    @classmethod
    def make(cls):
        return "B>" + super().make()
    @staticmethod
    def st():
        return "B>" + super(B, B).st()

class C(B):
    def __init__(self):
        super(C, self).__init__()
        self.trail.append("C")
    def hello(self):
        return "C>" + super(C, self).hello()

c = C()
assert c.trail == ["A", "B", "C"]
assert c.hello() == "C>B>A.hello"
assert C.make() == "B>A.make(C)"
assert B.st() == "B>A.st"
assert super(B, c).hello() == "A.hello"
assert super(C, C).make() == "B>A.make(C)"

# Cooperative multiple inheritance with **kwargs.
class Root:
    def __init__(self, **kw):
        self.seen = ["Root"]
class Named(Root):
    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = name
        self.seen.append("Named")
class Aged(Root):
    def __init__(self, age, **kw):
        super().__init__(**kw)
        self.age = age
        self.seen.append("Aged")
class Person(Named, Aged):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.seen.append("Person")
p = Person(name="Ann", age=3)
assert (p.name, p.age) == ("Ann", 3)
assert p.seen == ["Root", "Aged", "Named", "Person"], p.seen

# super() follows the MRO of the instance, not the defining class's bases.
class Base:
    def chain(self):
        return ["Base"]
class L(Base):
    def chain(self):
        return ["L"] + super().chain()
class R(Base):
    def chain(self):
        return ["R"] + super().chain()
class M(L, R):
    def chain(self):
        return ["M"] + super().chain()
assert M().chain() == ["M", "L", "R", "Base"]
assert L().chain() == ["L", "Base"]

# super() for attribute access (not just methods) and properties.
class P1:
    value = 1
    @property
    def prop(self):
        return "P1.prop"
class P2(P1):
    value = 2
    @property
    def prop(self):
        return "P2>" + super().prop
    def base_value(self):
        return super().value
assert P2().base_value() == 1
assert P2().prop == "P2>P1.prop"

# super object repr and attributes.
s = super(C, c)
assert s.__thisclass__ is C and s.__self__ is c and s.__self_class__ is C
assert repr(s) == "<super: <class 'C'>, <C object>>", repr(s)

# Errors.
try:
    super(C, 5)
except TypeError as e:
    assert str(e) == "super(type, obj): obj must be an instance or subtype of type", str(e)
else:
    raise AssertionError
try:
    super(A, c).missing_method
except AttributeError as e:
    assert str(e) == "'super' object has no attribute 'missing_method'", str(e)
else:
    raise AssertionError
def no_class():
    return super()
try:
    no_class()
except RuntimeError as e:
    assert str(e) == "super(): no arguments", str(e)
else:
    raise AssertionError

# super() inside nested functions needs the explicit form; inside a method it works via __class__.
class Q(A):
    def get_class(self):
        return __class__
    def via_lambda(self):
        f = lambda: super(Q, self).hello()
        return f()
assert Q().get_class() is Q
assert Q().via_lambda() == "A.hello"

# super in __new__ and __init_subclass__.
class Counted:
    created = 0
    def __new__(cls, *a):
        Counted.created += 1
        return super().__new__(cls)
class CountedChild(Counted):
    def __init__(self, v):
        self.v = v
cc = CountedChild(5)
assert cc.v == 5 and Counted.created == 1

# super() with a derived class overriding __getattribute__ is unaffected.
class Base2:
    def m(self):
        return "base"
class Der2(Base2):
    def __getattribute__(self, name):
        return object.__getattribute__(self, name)
    def m(self):
        return "der>" + super().m()
assert Der2().m() == "der>base"
print("ok")
