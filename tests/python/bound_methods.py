# Bound methods: __self__, __func__, equality, identity, calling via class.

class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self.n
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def util():
        return "util"

c = Counter()
m = c.inc
assert m() == 1 and m(5) == 6 and c.n == 6
assert m.__self__ is c
assert m.__func__ is Counter.inc
assert m.__name__ == "inc" and m.__qualname__ == "Counter.inc"
assert type(m).__name__ == "method"
assert repr(m).startswith("<bound method Counter.inc of <__main__.Counter object at 0x")

# Each attribute access creates a new bound method object, but they compare equal.
m1 = c.inc
m2 = c.inc
assert m1 == m2
assert hash(m1) == hash(m2)
other = Counter()
assert c.inc != other.inc
assert c.inc != Counter.inc

# Equality of bound methods depends on the identity of __self__, not equality.
class AlwaysEqual:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
    def m(self):
        pass
x, y = AlwaysEqual(), AlwaysEqual()
assert x.m != y.m
assert x.m == x.m

# Bound methods can be stored and called later.
callbacks = [c.inc, other.inc, other.inc]
for cb in callbacks:
    cb()
assert c.n == 7 and other.n == 2

# Calling through the class with an explicit instance.
assert Counter.inc(c, 3) == 10

# classmethod bound to the class; staticmethod is a plain function.
cm = Counter.make
assert cm.__self__ is Counter and isinstance(cm(), Counter)
assert c.make.__self__ is Counter
assert Counter.util() == "util" and type(Counter.util).__name__ == "function"

# Bound methods keep their instance alive.
def make_bound():
    return Counter().inc
b = make_bound()
assert b() == 1 and b() == 2
assert isinstance(b.__self__, Counter)

# Methods of builtin objects.
lst = []
app = lst.append
app(1)
app(2)
assert lst == [1, 2]
assert app.__self__ is lst
assert app.__name__ == "append"
l1 = []
assert l1.append == l1.append

# Binding a plain function manually.
def free(self, v):
    return (self, v)
bound = free.__get__(c, Counter)
assert bound(1) == (c, 1) and bound.__func__ is free

# Attributes are forwarded to the underlying function.
def tagged(self):
    pass
tagged.tag = "t"
Counter.tagged = tagged
assert c.tagged.tag == "t"
try:
    c.tagged.tag = "new"
except AttributeError:
    pass
else:
    raise AssertionError

# Method resolution happens at access time.
meth = c.inc
Counter.inc = lambda self, by=1: "replaced"
assert meth() == 11 and c.inc() == "replaced"
print("ok")
