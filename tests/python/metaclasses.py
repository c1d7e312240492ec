# type(name, bases, dict), metaclass=, __init_subclass__, class-level __class__.

# Three-argument type().
def greet(self):
    return "hi from " + self.name
Dyn = type("Dyn", (object,), {"name": "dyn", "greet": greet, "n": 3})
d = Dyn()
assert d.greet() == "hi from dyn" and Dyn.n == 3
assert Dyn.__name__ == "Dyn" and type(Dyn) is type
assert Dyn.__bases__ == (object,)
Sub = type("Sub", (Dyn,), {})
assert Sub().greet() == "hi from dyn" and issubclass(Sub, Dyn)
Empty = type("Empty", (), {})
assert Empty.__bases__ == (object,)
assert Empty.__module__ == "__main__"
try:
    type("X", (1,), {})
except TypeError:
    pass
else:
    raise AssertionError
try:
    type("X", (), {}, 1)
except TypeError as e:
    assert str(e) == "type() takes 1 or 3 arguments", str(e)
else:
    raise AssertionError

# type() with one argument.
assert type(1) is int and type("") is str and type(None).__name__ == "NoneType"
assert type(type) is type and type(object) is type
assert type(int) is type

# Metaclass basics.
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns, **kwargs):
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.extra_kwargs = kwargs
    def __call__(cls, *args, **kw):
        inst = super().__call__(*args, **kw)
        inst.via_meta = True
        return inst
    def describe(cls):
        return "class " + cls.__name__

class Base(metaclass=Registry):
    def __init__(self, v=0):
        self.v = v
class Child(Base, flavor="spicy"):
    pass

assert Registry.classes == ["Base", "Child"]
assert type(Base) is Registry and type(Child) is Registry
assert Base.created_by == "Registry"
assert Child.extra_kwargs == {"flavor": "spicy"}
c = Child(5)
assert c.v == 5 and c.via_meta is True
assert Child.describe() == "class Child"
assert not hasattr(c, "describe")        # metaclass methods are not visible on instances
assert isinstance(Child, Registry) and isinstance(Child, type)

# __prepare__ can supply the namespace.
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        ns = {}
        ns["prepared"] = True
        return ns
class WithPrepare(metaclass=OrderedMeta):
    a = 1
assert WithPrepare.prepared is True

# Metaclass conflict.
class M1(type):
    pass
class M2(type):
    pass
class A1(metaclass=M1):
    pass
class A2(metaclass=M2):
    pass
try:
    class Both(A1, A2):
        pass
except TypeError as e:
    assert str(e).startswith("metaclass conflict"), str(e)
else:
    raise AssertionError

# The most derived metaclass wins.
class M3(M1):
    pass
class A3(metaclass=M3):
    pass
class Mixed(A1, A3):
    pass
assert type(Mixed) is M3

# __init_subclass__.
class Plugin:
    registry = {}
    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[key or cls.__name__] = cls
class CsvPlugin(Plugin, key="csv"):
    pass
class JsonPlugin(Plugin):
    pass
assert Plugin.registry == {"csv": CsvPlugin, "JsonPlugin": JsonPlugin}
try:
    class BadKw(object, unknown=1):
        pass
except TypeError as e:
    assert "takes no keyword arguments" in str(e), str(e)
else:
    raise AssertionError

# __init_subclass__ is implicitly a classmethod and is called on the parent.
calls = []
class Parent:
    def __init_subclass__(cls):
        calls.append(cls.__name__)
class Kid(Parent):
    pass
class GrandKid(Kid):
    pass
assert calls == ["Kid", "GrandKid"]

# __class__ cell and class-level __class__.
class WithClassCell:
    def which(self):
        return __class__
class SubCell(WithClassCell):
    pass
assert SubCell().which() is WithClassCell
assert SubCell().__class__ is SubCell
# Assigning __class__ on an instance between compatible classes.
class X1:
    def who(self):
        return "X1"
class X2:
    def who(self):
        return "X2"
obj = X1()
obj.__class__ = X2
assert obj.who() == "X2" and isinstance(obj, X2)
try:
    obj.__class__ = int
except TypeError:
    pass
else:
    raise AssertionError

# Class attributes set on the metaclass instance via setattr on the class.
setattr(Base, "added", 11)
assert Child.added == 11

# The class statement calls the metaclass with (name, bases, namespace).
seen = []
def func_meta(name, bases, ns):
    seen.append((name, bases, sorted(k for k in ns if not k.startswith("__"))))
    return "not a class"
class Weird(metaclass=func_meta):
    x = 1
    def m(self):
        pass
assert Weird == "not a class"
assert seen == [("Weird", (), ["m", "x"])]
print("ok")
