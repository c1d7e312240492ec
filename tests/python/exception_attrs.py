# Exception objects: args, str(), repr(), attributes of specific exception types.

e = Exception()
assert e.args == () and str(e) == "" and repr(e) == "Exception()"
e = Exception("one")
assert e.args == ("one",) and str(e) == "one" and repr(e) == "Exception('one')"
e = Exception("a", 2)
assert e.args == ("a", 2) and str(e) == "('a', 2)" and repr(e) == "Exception('a', 2)"
e = ValueError(42)
assert str(e) == "42" and repr(e) == "ValueError(42)"
e = ValueError(None)
assert str(e) == "None"
e = RuntimeError([1, 2])
assert str(e) == "[1, 2]"
e = TypeError("")
assert repr(e) == "TypeError('')"

# args can be reassigned; str follows.
e = ValueError("x")
e.args = ("y", "z")
assert str(e) == "('y', 'z')"
e.args = []
assert e.args == () and type(e.args) is tuple

# KeyError str uses repr of its single argument.
assert str(KeyError("k")) == "'k'"
assert str(KeyError(1)) == "1"
assert str(KeyError()) == ""
assert str(KeyError("a", "b")) == "('a', 'b')"
assert repr(KeyError("k")) == "KeyError('k')"

# Arbitrary attributes on exception instances.
e = Exception("msg")
e.extra = 5
assert e.extra == 5

# StopIteration.value, SystemExit.code, OSError fields.
assert StopIteration().value is None
assert StopIteration(7).value == 7
assert StopIteration(7, 8).value == 7
assert SystemExit().code is None
assert SystemExit(3).code == 3
assert SystemExit("bye").code == "bye"
assert SystemExit(1, 2).code == (1, 2)
oe = OSError(2, "No such file")
assert oe.errno == 2 and oe.strerror == "No such file"
assert str(oe) == "[Errno 2] No such file"
assert type(OSError(2, "x")) is FileNotFoundError       # errno mapping
assert type(OSError(13, "x")) is PermissionError
assert type(OSError("plain")) is OSError and OSError("plain").errno is None
fe = FileNotFoundError(2, "No such file or directory", "/nope")
assert fe.filename == "/nope"
assert str(fe) == "[Errno 2] No such file or directory: '/nope'"
assert IOError is OSError and EnvironmentError is OSError

# UnicodeDecodeError details.
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as ue:
    assert ue.encoding == "utf-8" and ue.start == 0 and ue.end == 1
    assert ue.object == b"\xff"
    assert str(ue) == "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte", str(ue)
else:
    raise AssertionError

# NameError.name and AttributeError.name/obj (3.10+).
try:
    undefined_thing
except NameError as ne:
    assert ne.name == "undefined_thing"
class O:
    pass
o = O()
try:
    o.nope
except AttributeError as ae:
    assert ae.name == "nope" and ae.obj is o

# ImportError attributes.
try:
    import _no_such_module_krait
except ModuleNotFoundError as ie:
    assert ie.name == "_no_such_module_krait"
    assert str(ie) == "No module named '_no_such_module_krait'"
    assert isinstance(ie, ImportError)
else:
    raise AssertionError

# Exceptions are ordinary objects: compared by identity, hashable.
a = ValueError("x")
b = ValueError("x")
assert a != b and a == a
assert len({a, b}) == 2

# __traceback__ is None until raised.
e = ValueError()
assert e.__traceback__ is None
try:
    raise e
except ValueError:
    assert e.__traceback__ is not None

# BaseException subclass attributes.
class Custom(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
c = Custom("first", "second")
assert c.args == ("first",) and str(c) == "first" and c.b == "second"
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
ns = NoSuper(5)
assert ns.args == (5,) and str(ns) == "5"     # args set by __new__

# add_note is 3.11+.
n = ValueError("with note")
n.add_note("a note")
assert n.__notes__ == ["a note"]
print("ok")
