# classmethod, staticmethod, and instance methods; alternative constructors.

class Date:
    fmt = "{y}-{m:02d}-{d:02d}"
    instances = 0

    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.instances += 1

    @classmethod
    def from_string(cls, s):
        y, m, d = (int(p) for p in s.split("-"))
        return cls(y, m, d)

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    def __str__(self):
        return self.fmt.format(y=self.y, m=self.m, d=self.d)

d = Date.from_string("2024-02-09")
assert str(d) == "2024-02-09"
assert type(d) is Date
assert Date.is_leap(2000) and not Date.is_leap(1900) and d.is_leap(2024)

class EuroDate(Date):
    fmt = "{d:02d}.{m:02d}.{y}"
e = EuroDate.from_string("2023-12-01")
assert type(e) is EuroDate and str(e) == "01.12.2023"
assert e.from_string("1-2-3").__class__ is EuroDate   # classmethod via instance gets the class

# Descriptor objects.
raw_cm = Date.__dict__["from_string"]
raw_sm = Date.__dict__["is_leap"]
assert isinstance(raw_cm, classmethod) and isinstance(raw_sm, staticmethod)
assert raw_sm.__func__(2004) is True
assert raw_cm.__func__(Date, "1-1-1").y == 1
bound = Date.from_string
assert bound.__self__ is Date
assert Date.is_leap is raw_sm.__func__       # staticmethod returns the plain function
assert callable(raw_sm)                      # staticmethod objects are callable in 3.10+

# classmethod and staticmethod created without decorator syntax.
class Calc:
    def _add(a, b):
        return a + b
    add = staticmethod(_add)
    def _name(cls):
        return cls.__name__
    name = classmethod(_name)
assert Calc.add(2, 3) == 5 and Calc().add(1, 1) == 2
assert Calc.name() == "Calc"

# Counting instances through cls.
class Counter:
    count = 0
    @classmethod
    def create(cls):
        cls.count += 1
        return cls()
class SubCounter(Counter):
    pass
Counter.create()
SubCounter.create()
SubCounter.create()
assert Counter.count == 1 and SubCounter.count == 3  # 1 inherited, then 2 increments

# Instance method called via the class needs self.
class M:
    def meth(self, x):
        return (self, x)
try:
    M.meth(1)
except TypeError as e:
    assert str(e) == "M.meth() missing 1 required positional argument: 'x'", str(e)
else:
    raise AssertionError
o = M()
assert M.meth(o, 2) == (o, 2)
assert M.meth("anything", 3) == ("anything", 3)

# Method without self parameter fails when called via an instance.
class NoSelf:
    def f():
        return 1
try:
    NoSelf().f()
except TypeError as e:
    assert str(e) == "NoSelf.f() takes 0 positional arguments but 1 was given", str(e)
else:
    raise AssertionError
assert NoSelf.f() == 1

# Static methods are not bound through subclasses either.
class S1:
    @staticmethod
    def ident(x):
        return x
class S2(S1):
    pass
assert S2.ident(5) == 5 and S2().ident(6) == 6

# Overriding a classmethod with an instance method in a subclass.
class K1:
    @classmethod
    def who(cls):
        return "class " + cls.__name__
class K2(K1):
    def who(self):
        return "instance of " + type(self).__name__
assert K1.who() == "class K1"
assert K2().who() == "instance of K2"
print("ok")
