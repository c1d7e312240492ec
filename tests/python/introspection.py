# __dict__, vars(), dir(), __class__, __name__, __module__, hasattr-based introspection.

class Base:
    base_attr = 1
    def base_method(self):
        pass
class Thing(Base):
    """Thing doc."""
    cls_attr = 2
    def __init__(self):
        self.inst_attr = 3
    def method(self):
        return "m"

t = Thing()
assert t.__dict__ == {"inst_attr": 3}
assert vars(t) == {"inst_attr": 3}
assert vars(t) is t.__dict__
t.__dict__["via_dict"] = 4
assert t.via_dict == 4
vars(t)["via_vars"] = 5
assert t.via_vars == 5

cd = Thing.__dict__
assert cd["cls_attr"] == 2 and "method" in cd and "base_attr" not in cd
assert cd["__doc__"] == "Thing doc."
assert type(cd).__name__ == "mappingproxy"
try:
    cd["new"] = 1
except TypeError:
    pass
else:
    raise AssertionError("class __dict__ must be read-only")
assert vars(Thing)["cls_attr"] == 2

# dir() lists instance, class and inherited names, sorted.
names = dir(t)
assert names == sorted(names)
for n in ("inst_attr", "cls_attr", "base_attr", "method", "base_method", "__init__", "__class__", "__dict__"):
    assert n in names, n
assert "inst_attr" not in dir(Thing) and "cls_attr" in dir(Thing)
dm = dir([])
assert "append" in dm and "__len__" in dm and dm == sorted(dm)
class Custom:
    def __dir__(self):
        return ["z", "a"]
assert dir(Custom()) == ["a", "z"]

# dir() with no arguments lists local scope names.
def local_dir():
    alpha = 1
    beta = 2
    return dir()
assert local_dir() == ["alpha", "beta"]

# __class__, __name__, __qualname__, __module__.
assert t.__class__ is Thing and t.__class__.__name__ == "Thing"
assert Thing.__module__ == "__main__" and Thing.method.__module__ == "__main__"
assert Thing.method.__qualname__ == "Thing.method"
assert int.__name__ == "int" and int.__module__ == "builtins"
assert len.__name__ == "len" and len.__module__ == "builtins"
assert type(t).__mro__ == (Thing, Base, object)
assert __name__ == "__main__"

# Module globals.
g = globals()
assert g["__name__"] == "__main__" and g["Thing"] is Thing
g["injected"] = 123
assert injected == 123
assert "__builtins__" in g

# vars() with no args at module level equals globals().
assert vars() is globals() or vars() == globals()

# Object without __dict__.
try:
    (1).__dict__
except AttributeError as e:
    assert str(e) == "'int' object has no attribute '__dict__'", str(e)
else:
    raise AssertionError
try:
    vars(1)
except TypeError as e:
    assert str(e) == "vars() argument must have __dict__ attribute", str(e)
else:
    raise AssertionError

# Replacing an instance's __dict__.
t.__dict__ = {"fresh": True}
assert t.fresh is True and not hasattr(t, "inst_attr")
try:
    t.__dict__ = 5
except TypeError as e:
    assert str(e) == "__dict__ must be set to a dictionary, not a 'int'", str(e)
else:
    raise AssertionError

# Function introspection helpers.
def sample(a, b=1, *c, d, **e):
    "sample doc"
    local = 1
    return local
assert sample.__name__ == "sample" and sample.__doc__ == "sample doc"
assert sample.__code__.co_name == "sample"
assert sample.__code__.co_varnames[:6] == ("a", "b", "d", "c", "e", "local")
assert sample.__globals__ is globals()

# Method resolution introspection.
assert hasattr(t, "method") and not hasattr(t, "nope")
assert callable(getattr(t, "method"))
assert [n for n in dir(Thing) if not n.startswith("_")] == ["base_attr", "base_method", "cls_attr", "method"]
print("ok")
