# __call__, __getattr__, __getattribute__, __setattr__, __delattr__.

class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (x + self.n + sum(rest)) * scale
add5 = Adder(5)
assert add5(1) == 6
assert add5(1, 2, 3, scale=2) == 22
assert callable(add5) and not callable(Adder.__new__(type("NoCall", (), {})))
try:
    object()()
except TypeError as e:
    assert str(e) == "'object' object is not callable", str(e)
else:
    raise AssertionError
try:
    one = 1
    one()
except TypeError as e:
    assert str(e) == "'int' object is not callable", str(e)
try:
    s = "s"
    s()
except TypeError as e:
    assert str(e) == "'str' object is not callable", str(e)

# __getattr__ is only called for missing attributes.
class Proxy:
    def __init__(self, target):
        self._target = target
        self.misses = []
    def __getattr__(self, name):
        self.misses.append(name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
assert p._target == [1, 2, 3]
assert p.count(2) == 1
assert p.misses == ["sort", "count"]
try:
    p.no_such_thing
except AttributeError as e:
    assert str(e) == "'list' object has no attribute 'no_such_thing'", str(e)
else:
    raise AssertionError

class Dyn:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:]
        raise AttributeError(name)
d = Dyn()
assert d.get_value() == "value"
assert hasattr(d, "get_x") and not hasattr(d, "other")
assert getattr(d, "other", "dflt") == "dflt"

# __getattribute__ intercepts everything.
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        log = object.__getattribute__(self, "__dict__").setdefault("_log", [])
        log.append(name)
        return object.__getattribute__(self, name)
lg = Logged()
assert lg.secret == "intercepted"
assert lg.x == 1
assert lg._log == ["x", "_log"] or lg._log[0] == "x"

# __getattribute__ raising AttributeError falls back to __getattr__.
class Fallback:
    def __getattribute__(self, name):
        if name == "virtual":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
assert Fallback().virtual == "fallback:virtual"

# __setattr__ and __delattr__.
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError("frozen: cannot set %s" % name)
    def __delattr__(self, name):
        raise AttributeError("frozen: cannot delete %s" % name)
f = Frozen(3)
assert f.x == 3
try:
    f.x = 4
except AttributeError as e:
    assert str(e) == "frozen: cannot set x"
else:
    raise AssertionError
try:
    del f.x
except AttributeError as e:
    assert str(e) == "frozen: cannot delete x"
else:
    raise AssertionError

class Validated:
    def __setattr__(self, name, value):
        if name == "age" and value < 0:
            raise ValueError("age must be >= 0")
        super().__setattr__(name, value.upper() if isinstance(value, str) else value)
v = Validated()
v.name = "bob"
v.age = 3
assert v.name == "BOB" and v.age == 3
try:
    v.age = -1
except ValueError:
    pass
else:
    raise AssertionError
setattr(v, "city", "oslo")
assert v.city == "OSLO"

deleted = []
class TrackDel:
    def __delattr__(self, name):
        deleted.append(name)
        super().__delattr__(name)
td = TrackDel()
td.a = 1
del td.a
delattr(td, "b") if hasattr(td, "b") else None
assert deleted == ["a"] and not hasattr(td, "a")

# Special method lookup bypasses __getattr__ and __getattribute__.
class Sneaky:
    def __getattr__(self, name):
        return lambda *a: 42
try:
    len(Sneaky())
except TypeError:
    pass
else:
    raise AssertionError("len() must not use __getattr__")
try:
    Sneaky() + 1
except TypeError:
    pass
else:
    raise AssertionError
assert Sneaky().__len__() == 42          # explicit attribute access does use it

# __call__ on the class makes instances callable, not assignment on the instance.
class C:
    pass
c = C()
c.__call__ = lambda: "inst"
try:
    c()
except TypeError:
    pass
else:
    raise AssertionError
C.__call__ = lambda self: "class"
assert c() == "class"

# getattr on a module-level function attribute; __dict__ of functions.
def fn():
    pass
fn.custom = 5
assert getattr(fn, "custom") == 5 and fn.__dict__ == {"custom": 5}
print("ok")
