# Descriptors: __get__, __set__, __delete__, __set_name__, data vs non-data precedence.

log = []
class Data:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        log.append(("set_name", owner.__name__, name))
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 10)
    def __delete__(self, obj):
        delattr(obj, self.name)

class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)

class Host:
    d = Data()
    n = NonData()

assert log == [("set_name", "Host", "d")]
h = Host()
assert h.d == "unset"
h.d = 4
assert h.d == 40 and h._d == 40
del h.d
assert h.d == "unset"
assert isinstance(Host.d, Data)           # obj is None on class access
assert Host.n == ("nondata", True, "Host")
assert h.n == ("nondata", False, "Host")

# Instance dict shadows a non-data descriptor but not a data descriptor.
h.__dict__["n"] = "from dict"
assert h.n == "from dict"
h.__dict__["d"] = "from dict"
assert h.d == "unset"
h.n = "assigned"
assert h.n == "assigned"

# Descriptor with only __set__ is still a data descriptor.
class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["so"] = ("set", value)
class H2:
    so = SetOnly()
h2 = H2()
h2.so = 1
assert h2.so == ("set", 1)     # no __get__: the instance dict value is returned
assert isinstance(H2.so, SetOnly)

# Functions are non-data descriptors.
def f(self):
    return self
class H3:
    m = f
bound = H3.__dict__["m"].__get__(H3(), H3)
assert callable(bound) and bound.__func__ is f
assert f.__get__(5)() == 5
assert H3.m is f

# Typed attribute validation.
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__[self.name]
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name, self.kind.__name__))
        obj.__dict__[self.name] = value
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
pp = Person("Al", 30)
assert (pp.name, pp.age) == ("Al", 30)
try:
    pp.age = "old"
except TypeError as e:
    assert str(e) == "age must be int"
else:
    raise AssertionError

# __set_name__ is called for descriptors added in the class body only.
class Named:
    def __set_name__(self, owner, name):
        self.owner_name = owner.__name__ + "." + name
class Owner:
    first = Named()
    second = Named()
assert Owner.first.owner_name == "Owner.first"
assert Owner.second.owner_name == "Owner.second"
late = Named()
Owner.third = late
assert not hasattr(late, "owner_name")

# Descriptors on the metaclass level: class attribute access uses type's descriptors.
class Meta(type):
    @property
    def shout(cls):
        return cls.__name__.upper()
class WithMeta(metaclass=Meta):
    pass
assert WithMeta.shout == "WITHMETA"
assert not hasattr(WithMeta(), "shout")

# A cached-property-like non-data descriptor that writes into the instance dict.
class Cached:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value
class Expensive:
    calls = 0
    @Cached
    def value(self):
        Expensive.calls += 1
        return 99
ex = Expensive()
assert ex.value == 99 and ex.value == 99 and Expensive.calls == 1

# __get__ called with (None, cls) on class access, (obj, type(obj)) on instance access.
seen = []
class Spy:
    def __get__(self, obj, objtype):
        seen.append((obj, objtype))
        return 0
class S:
    s = Spy()
S.s
inst = S()
inst.s
assert seen == [(None, S), (inst, S)]
print("ok")
