# Subclassing builtin types: list, dict, int, str, tuple, set, Exception.

class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
assert s == [1, 2, 3] and s.peek() == 3 and len(s) == 3
assert isinstance(s, list) and type(s) is Stack
assert s.pop() == 3 and s == [1, 2]
assert type(s + [9]) is list          # operations return the base type
assert type(s[:1]) is list
assert repr(s) == "[1, 2]"
s.extra = "attr"                      # subclass instances have a __dict__
assert s.extra == "attr"
assert sorted(Stack([3, 1, 2])) == [1, 2, 3]

class LoggingList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.log = []
    def append(self, v):
        self.log.append(v)
        super().append(v)
ll = LoggingList()
ll.append(1)
ll += [2]                            # extend path does not call the overridden append
assert ll == [1, 2] and ll.log == [1]

class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
    def __setattr__(self, name, value):
        self[name] = value
ad = AttrDict(a=1)
ad.b = 2
assert ad.a == 1 and ad["b"] == 2 and ad == {"a": 1, "b": 2}
assert isinstance(ad, dict)

class LowerDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
ld = LowerDict()
ld["KEY"] = 1
assert ld["key"] == 1 and ld["Key"] == 1 and list(ld) == ["key"]
assert ld.get("key") == 1

class Meters(int):
    def __repr__(self):
        return "%dm" % int(self)
    def __add__(self, other):
        return Meters(int(self) + int(other))
m = Meters(5)
assert m + 3 == 8 and type(m + 3) is Meters and repr(m + 3) == "8m"
assert type(m * 2) is int
assert m == 5 and hash(m) == hash(5)
assert isinstance(m, int)
assert [10, 20, 30, 40, 50, 60][m] == 60

class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
assert n.shout() == "BOB!" and n == "bob" and n + "x" == "bobx"
assert {n: 1}["bob"] == 1
assert type(n.upper()) is str
assert isinstance(n, str) and len(n) == 3

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
pt = Point(1, 2)
assert pt.x == 1 and pt.y == 2 and pt == (1, 2)
x, y = pt
assert (x, y) == (1, 2)

class TagSet(set):
    def add_all(self, *items):
        for i in items:
            self.add(i)
ts = TagSet()
ts.add_all("a", "b", "a")
assert ts == {"a", "b"} and len(ts) == 2

# Exceptions.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(404, "not found")
except Exception as e:
    assert isinstance(e, AppError) and e.code == 404
    assert str(e) == "not found" and e.args == ("not found",)

class NoInitArgs(ValueError):
    pass
try:
    raise NoInitArgs("a", 1)
except ValueError as e:
    assert e.args == ("a", 1) and str(e) == "('a', 1)"

class CustomStr(Exception):
    def __str__(self):
        return "custom!"
assert str(CustomStr("ignored")) == "custom!"
assert repr(CustomStr("x")) == "CustomStr('x')"

# float and bytes subclasses.
class Prob(float):
    def complement(self):
        return 1 - self
assert Prob(0.25).complement() == 0.75
class Blob(bytes):
    pass
assert Blob(b"ab")[0] == 97 and Blob(b"ab") == b"ab"

# super() in subclass of builtin.
class CountingDict(dict):
    def __init__(self):
        super().__init__()
        self.sets = 0
    def __setitem__(self, k, v):
        self.sets += 1
        super().__setitem__(k, v)
cd = CountingDict()
cd["a"] = 1
cd["b"] = 2
assert cd.sets == 2 and cd == {"a": 1, "b": 2}
cd.update({"c": 3})            # update does not go through __setitem__
assert cd.sets == 2 and cd["c"] == 3
print("ok")
