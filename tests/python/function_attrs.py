# Function objects: __name__, __qualname__, __doc__, __defaults__, __module__, __code__, __dict__.

def plain(a, b=2, *args, c, d=4, **kw):
    """Plain docstring."""
    return a

assert plain.__name__ == "plain"
assert plain.__qualname__ == "plain"
assert plain.__doc__ == "Plain docstring."
assert plain.__module__ == "__main__"
assert plain.__defaults__ == (2,)
assert plain.__kwdefaults__ == {"d": 4}
assert plain.__code__.co_argcount == 2
assert plain.__code__.co_kwonlyargcount == 2
assert plain.__code__.co_name == "plain"
assert plain.__globals__ is globals()
assert plain.__dict__ == {}
assert plain.__closure__ is None
assert plain.__annotations__ == {}
assert callable(plain)
assert type(plain).__name__ == "function"
assert repr(plain).startswith("<function plain at 0x")

def nodoc():
    x = 1
    "not a docstring"
assert nodoc.__doc__ is None

def annotated(x: int, y: "str" = "s") -> bool:
    return True
assert annotated.__annotations__ == {"x": int, "y": "str", "return": bool}

class K:
    def method(self):
        def inner():
            pass
        return inner
    class Nested:
        def deep(self):
            pass
assert K.method.__qualname__ == "K.method"
assert K().method().__qualname__ == "K.method.<locals>.inner"
assert K.Nested.deep.__qualname__ == "K.Nested.deep"
assert K.method.__name__ == "method"

# Writable attributes.
def f():
    return "f"
f.__name__ = "renamed"
f.__qualname__ = "Renamed"
f.__doc__ = "new doc"
f.custom = [1]
assert f.__name__ == "renamed" and f.__qualname__ == "Renamed" and f.__doc__ == "new doc"
assert f.__dict__ == {"custom": [1]}
assert repr(f).startswith("<function Renamed at 0x")
try:
    f.__name__ = 5
except TypeError as e:
    assert str(e) == "__name__ must be set to a string object", str(e)
else:
    raise AssertionError

def g(x=1):
    return x
g.__defaults__ = (5,)
assert g() == 5
g.__defaults__ = None
try:
    g()
except TypeError:
    pass
else:
    raise AssertionError

# Swapping __code__ between compatible functions.
def one():
    return 1
def two():
    return 2
one.__code__ = two.__code__
assert one() == 2

# Functions are first-class: stored, passed, compared by identity.
ops = {"neg": lambda v: -v, "sq": lambda v: v * v}
assert ops["sq"](ops["neg"](3)) == 9
assert plain == plain and plain != nodoc
assert hash(plain) == hash(plain)

# Generator functions and lambdas report their names.
def gen():
    yield 1
assert gen.__name__ == "gen" and gen().__name__ == "gen"
assert gen.__code__.co_flags & 0x20       # CO_GENERATOR
lam = lambda: 0
assert lam.__name__ == "<lambda>"

# Builtin functions.
assert len.__name__ == "len" and len.__qualname__ == "len"
assert type(len).__name__ == "builtin_function_or_method"
assert repr(len) == "<built-in function len>"
assert "Return the number of items" in len.__doc__
assert [].append.__name__ == "append"
assert repr([].append).startswith("<built-in method append of list object at 0x")
assert str.upper.__qualname__ == "str.upper"
assert repr(str.upper) == "<method 'upper' of 'str' objects>"

# co_varnames and co_consts existence; co_filename is a string.
assert isinstance(plain.__code__.co_filename, str)
assert plain.__code__.co_varnames[0] == "a"
assert isinstance(plain.__code__.co_firstlineno, int)
print("ok")
