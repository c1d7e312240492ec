# hasattr/getattr/setattr/delattr, callable, id, repr/ascii, chr/ord, format, globals/locals.

class Obj:
    cls_attr = "c"
    def method(self):
        return "m"
o = Obj()

assert hasattr(o, "cls_attr") and hasattr(o, "method") and not hasattr(o, "zzz")
assert getattr(o, "cls_attr") == "c"
assert getattr(o, "zzz", None) is None and getattr(o, "zzz", 0) == 0
try:
    getattr(o, "zzz")
except AttributeError as e:
    assert str(e) == "'Obj' object has no attribute 'zzz'"
else:
    raise AssertionError
try:
    getattr(o, 5)
except TypeError as e:
    assert str(e) == "attribute name must be string, not 'int'", str(e)
else:
    raise AssertionError
setattr(o, "dyn", 1)
assert o.dyn == 1
setattr(o, "with space", 2)        # any string works via setattr
assert getattr(o, "with space") == 2
delattr(o, "dyn")
assert not hasattr(o, "dyn")
try:
    delattr(o, "dyn")
except AttributeError:
    pass
else:
    raise AssertionError
assert getattr(o, "method")() == "m"
assert getattr(Obj, "method")(o) == "m"
assert getattr(5, "real") == 5 and getattr("s", "upper")() == "S"

# callable.
assert callable(len) and callable(Obj) and callable(o.method) and callable(lambda: 0)
assert not callable(5) and not callable("s") and not callable(o)
class WithCall:
    def __call__(self):
        return 1
assert callable(WithCall())

# id: identity comparison only.
a = [1]
b = a
c = [1]
assert id(a) == id(b) and id(a) != id(c)
assert type(id(a)) is int
xs = [object() for _ in range(10)]
assert len(set(id(x) for x in xs)) == 10      # live objects have distinct ids

# repr and ascii.
assert repr("a'b") == '"a\'b"' and repr(1.0) == "1.0" and repr([None]) == "[None]"
assert ascii("naïve") == "'na\\xefve'" and ascii([1, "é"]) == "[1, '\\xe9']"
assert ascii("plain") == "'plain'"

# chr / ord.
assert chr(65) == "A" and chr(0x263A) == "☺" and ord("☺") == 0x263A
assert ord(b"A") == 65 and ord(bytearray(b"z")) == 122
try:
    chr(0x110000)
except ValueError as e:
    assert str(e) == "chr() arg not in range(0x110000)"
else:
    raise AssertionError
try:
    ord("")
except TypeError as e:
    assert str(e) == "ord() expected a character, but string of length 0 found", str(e)
else:
    raise AssertionError
try:
    chr("a")
except TypeError as e:
    assert str(e) == "'str' object cannot be interpreted as an integer", str(e)

# format builtin.
assert format(5, "03d") == "005" and format("x", ">3") == "  x" and format(0.5, "%") == "50.000000%"

# globals() and locals().
G_VALUE = 10
assert globals()["G_VALUE"] == 10
def fn(p):
    q = p + 1
    loc = locals()
    return loc
assert fn(1) == {"p": 1, "q": 2}
assert locals() is globals() or locals() == globals()
def modify_locals():
    x = 1
    locals()["x"] = 2            # has no effect on the real local
    return x
assert modify_locals() == 1

# type with one and three arguments.
assert type(1.5) is float and type(type(1)) is type
T = type("T", (), {"v": 7, "get": lambda self: self.v})
assert T().get() == 7 and T.__name__ == "T"

# isinstance with tuples (more in isinstance_issubclass.py).
assert isinstance(1, (str, int)) and not isinstance(1, (str, float))

# vars and dir basic behavior.
assert vars(o) == {"with space": 2}
assert "method" in dir(o) and "cls_attr" in dir(Obj)

# hash() on strings: consistent within a run, equal for equal strings.
s1 = "hello" + " world"
s2 = "hello world"
assert hash(s1) == hash(s2)
assert hash("") == hash(str())

# input() is covered by a differential test (it needs stdin content).
assert callable(input)

# __import__ of a builtin module.
m = __import__("math")
assert m.sqrt(16) == 4.0

# Builtins namespace.
import sys
b = sys.modules["builtins"]
assert b.len is len and b.print is print
assert getattr(b, "True") is True
print("ok")
