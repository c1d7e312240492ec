# Type constructors called with no arguments, with arguments, and with wrong arguments.

assert int() == 0 and float() == 0.0 and str() == "" and bool() is False
assert list() == [] and tuple() == () and dict() == {} and set() == set()
assert frozenset() == frozenset() and bytes() == b"" and bytearray() == bytearray()
assert type(object()) is object
assert complex is not None

assert int("12") == 12 and int(12.9) == 12 and int(True) == 1
assert float("1.5") == 1.5 and float(2) == 2.0
assert str(12) == "12" and str([1]) == "[1]" and str(b"x") == "b'x'"
assert bool(0) is False and bool("x") is True and bool([]) is False
assert list("ab") == ["a", "b"] and list({1: 2}) == [1]
assert tuple([1, 2]) == (1, 2) and tuple("ab") == ("a", "b")
assert dict(a=1) == {"a": 1} and dict([("a", 1)]) == {"a": 1}
assert dict({"a": 1}.items()) == {"a": 1}
assert set([1, 1, 2]) == {1, 2} and set("aba") == {"a", "b"}
assert frozenset("ab") == {"a", "b"}
assert bytes([1, 2]) == b"\x01\x02" and bytes(2) == b"\x00\x00" and bytes("é", "utf-8") == b"\xc3\xa9"
assert bytearray(b"ab") == b"ab" and bytearray([65]) == b"A"

# Constructors produce new objects for mutable types.
l = [1]
assert list(l) is not l
d = {"a": 1}
assert dict(d) is not d and dict(d) == d
s = {1}
assert set(s) is not s

# Keyword arguments.
assert int("ff", base=16) == 255
assert str(object=5) == "5"
assert str(b"abc", encoding="ascii") == "abc"
assert sorted([3, 1], reverse=True) == [3, 1]

# Argument count errors.
def err(fn, msg):
    try:
        fn()
    except TypeError as e:
        assert str(e) == msg, (str(e), msg)
    else:
        raise AssertionError(msg)
err(lambda: int(1, 2, 3), "int() takes at most 2 arguments (3 given)")
err(lambda: list(1, 2), "list expected at most 1 argument, got 2")
err(lambda: tuple(1, 2), "tuple expected at most 1 argument, got 2")
err(lambda: set(1, 2), "set expected at most 1 argument, got 2")
err(lambda: dict(1, 2), "dict expected at most 1 argument, got 2")
err(lambda: bool(1, 2), "bool expected at most 1 argument, got 2")
err(lambda: float(1, 2), "float expected at most 1 argument, got 2")
err(lambda: str(1, 2), "str() argument 'encoding' must be str, not int")
err(lambda: list(5), "'int' object is not iterable")
err(lambda: frozenset(1), "'int' object is not iterable")
err(lambda: bytes(1.5), "cannot convert 'float' object to bytes")
err(lambda: dict(5), "'int' object is not iterable")
err(lambda: int(x="7"), "'x' is an invalid keyword argument for int()")
err(lambda: list(iterable=(1,)), "list() takes no keyword arguments")

# Type objects are callable and introspectable.
for t in (int, float, str, bool, list, tuple, dict, set, frozenset, bytes, bytearray, object, type):
    assert callable(t) and isinstance(t, type)
    assert t.__name__ == t.__qualname__
assert [t.__name__ for t in (int, float, str)] == ["int", "float", "str"]

# bool() uses truthiness protocols.
class Z:
    def __len__(self):
        return 0
assert bool(Z()) is False

# Conversions between containers.
data = [("b", 2), ("a", 1)]
assert dict(data) == {"b": 2, "a": 1}
assert list(dict(data).items()) == data
assert sorted(set(dict(data).values())) == [1, 2]
assert tuple(sorted(frozenset([3, 1, 2]))) == (1, 2, 3)
assert list(map(list, [(1, 2), (3,)])) == [[1, 2], [3]]
print("ok")
