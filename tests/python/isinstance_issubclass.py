# isinstance and issubclass with classes, tuples, nested tuples, builtins, errors.

class A: pass
class B(A): pass
class C: pass
a, b, c = A(), B(), C()

assert isinstance(b, A) and isinstance(b, B) and not isinstance(a, B)
assert isinstance(b, (C, A))
assert not isinstance(c, (A, B))
assert isinstance(c, (A, (B, (C,))))        # nested tuples are flattened
assert not isinstance(a, ())
assert issubclass(B, A) and issubclass(B, B) and not issubclass(A, B)
assert issubclass(B, (C, A)) and not issubclass(C, (A, B))
assert issubclass(A, object) and issubclass(bool, int)
assert issubclass(type, object) and isinstance(type, object) and isinstance(object, type)

# Builtin types.
assert isinstance(1, int) and isinstance(True, int) and not isinstance(1, bool)
assert isinstance(1.0, float) and not isinstance(1, float)
assert isinstance("s", str) and isinstance(b"b", bytes) and not isinstance("s", bytes)
assert isinstance([], list) and isinstance((), tuple) and isinstance({}, dict)
assert isinstance(set(), set) and not isinstance(frozenset(), set)
assert isinstance(None, type(None)) and isinstance(None, object)
assert isinstance(len, object) and isinstance(A, type)
assert isinstance(int, type) and not isinstance(1, type)
assert isinstance(range(1), range) and isinstance(slice(1), slice)
assert issubclass(KeyError, LookupError) and issubclass(KeyError, Exception)

# Errors.
try:
    isinstance(1, 1)
except TypeError as e:
    assert str(e) == "isinstance() arg 2 must be a type, a tuple of types, or a union", str(e)
else:
    raise AssertionError
try:
    issubclass(1, int)
except TypeError as e:
    assert str(e) == "issubclass() arg 1 must be a class", str(e)
else:
    raise AssertionError
try:
    issubclass(int, 1)
except TypeError as e:
    assert str(e) == "issubclass() arg 2 must be a class, a tuple of classes, or a union", str(e)
else:
    raise AssertionError
try:
    isinstance(1, (int, 1))
except TypeError:
    raise AssertionError("should short-circuit on the first match")
try:
    isinstance("s", (int, 1))
except TypeError:
    pass
else:
    raise AssertionError

# PEP 604 unions.
assert isinstance(1, int | str) and isinstance("x", int | str) and not isinstance(1.0, int | str)
assert issubclass(bool, int | None)
assert isinstance(None, int | None)

# __instancecheck__ / __subclasscheck__ on a metaclass.
class AnyEven(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        return sub is int
class Even(metaclass=AnyEven):
    pass
assert isinstance(4, Even) and not isinstance(3, Even)
assert issubclass(int, Even) and not issubclass(str, Even)

# __class__ property affects isinstance but not type().
class Liar:
    @property
    def __class__(self):
        return int
lr = Liar()
assert isinstance(lr, int) and type(lr) is Liar and isinstance(lr, Liar)

# Dynamic class checks.
classes = [type("T%d" % i, (A,), {}) for i in range(5)]
objs = [cls() for cls in classes]
assert all(isinstance(o, A) for o in objs)
assert sum(isinstance(o, classes[2]) for o in objs) == 1
assert issubclass(classes[3], tuple(classes))
print("ok")
