# Arithmetic operator overloading: binary, reflected, in-place, unary, NotImplemented.

class V:
    def __init__(self, *c):
        self.c = tuple(c)
    def __repr__(self):
        return "V%r" % (self.c,)
    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c
    def __hash__(self):
        return hash(self.c)
    def _map(self, o, f):
        if isinstance(o, V):
            return V(*[f(a, b) for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return V(*[f(a, o) for a in self.c])
        return NotImplemented
    def __add__(self, o): return self._map(o, lambda a, b: a + b)
    def __sub__(self, o): return self._map(o, lambda a, b: a - b)
    def __mul__(self, o): return self._map(o, lambda a, b: a * b)
    def __truediv__(self, o): return self._map(o, lambda a, b: a / b)
    def __floordiv__(self, o): return self._map(o, lambda a, b: a // b)
    def __mod__(self, o): return self._map(o, lambda a, b: a % b)
    def __pow__(self, o, mod=None):
        if mod is not None:
            return V(*[pow(a, o, mod) for a in self.c])
        return self._map(o, lambda a, b: a ** b)
    def __lshift__(self, o): return self._map(o, lambda a, b: a << b)
    def __rshift__(self, o): return self._map(o, lambda a, b: a >> b)
    def __and__(self, o): return self._map(o, lambda a, b: a & b)
    def __or__(self, o): return self._map(o, lambda a, b: a | b)
    def __xor__(self, o): return self._map(o, lambda a, b: a ^ b)
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __divmod__(self, o): return (self // o, self % o)
    def __radd__(self, o): return self._map(o, lambda a, b: b + a)
    def __rsub__(self, o): return self._map(o, lambda a, b: b - a)
    def __rmul__(self, o): return self._map(o, lambda a, b: b * a)
    def __rtruediv__(self, o): return self._map(o, lambda a, b: b / a)
    def __rfloordiv__(self, o): return self._map(o, lambda a, b: b // a)
    def __rmod__(self, o): return self._map(o, lambda a, b: b % a)
    def __rpow__(self, o): return self._map(o, lambda a, b: b ** a)
    def __rlshift__(self, o): return self._map(o, lambda a, b: b << a)
    def __rrshift__(self, o): return self._map(o, lambda a, b: b >> a)
    def __rand__(self, o): return self._map(o, lambda a, b: b & a)
    def __ror__(self, o): return self._map(o, lambda a, b: b | a)
    def __rxor__(self, o): return self._map(o, lambda a, b: b ^ a)
    def __rdivmod__(self, o): return (o // self, o % self)
    def __neg__(self): return V(*[-a for a in self.c])
    def __pos__(self): return V(*[abs(a) for a in self.c])
    def __invert__(self): return V(*[~a for a in self.c])
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5

a = V(1, 2)
b = V(3, 4)
assert a + b == V(4, 6)
assert b - a == V(2, 2)
assert a * 3 == V(3, 6)
assert 3 * a == V(3, 6)
assert 10 - a == V(9, 8)
assert 12 / V(3, 4) == V(4.0, 3.0)
assert 7 // V(2, 3) == V(3, 2)
assert 7 % V(2, 3) == V(1, 1)
assert 2 ** V(3, 4) == V(8, 16)
assert V(2, 3) ** 2 == V(4, 9)
assert pow(V(2, 3), 2, 5) == V(4, 4)
assert 1 << V(1, 2) == V(2, 4)
assert 16 >> V(1, 2) == V(8, 4)
assert V(6, 3) & 5 == V(4, 1)
assert 5 | V(2, 8) == V(7, 13)
assert 5 ^ V(1, 5) == V(4, 0)
assert a @ b == 11
assert divmod(V(7, 9), 4) == (V(1, 2), V(3, 1))
assert divmod(9, V(2, 4)) == (V(4, 2), V(1, 1))
assert -a == V(-1, -2)
assert +V(-1, 2) == V(1, 2)
assert ~V(0, 5) == V(-1, -6)
assert abs(b) == 5.0

# NotImplemented from both sides -> TypeError with CPython's message.
try:
    a + "s"
except TypeError as e:
    assert str(e) == "unsupported operand type(s) for +: 'V' and 'str'", str(e)
else:
    raise AssertionError
try:
    "s" - a
except TypeError as e:
    assert str(e) == "unsupported operand type(s) for -: 'str' and 'V'", str(e)
try:
    a @ 3
except AttributeError:
    pass    # our __matmul__ does not check types
try:
    ~V(1.5)
except TypeError as e:
    assert str(e) == "bad operand type for unary ~: 'float'", str(e)
class NoOps:
    pass
for op, sym in ((lambda x: -x, "-"), (lambda x: +x, "+"), (lambda x: ~x, "~")):
    try:
        op(NoOps())
    except TypeError as e:
        assert str(e) == "bad operand type for unary %s: 'NoOps'" % sym, str(e)
    else:
        raise AssertionError
try:
    abs(NoOps())
except TypeError as e:
    assert str(e) == "bad operand type for abs(): 'NoOps'", str(e)
try:
    NoOps() ** 2
except TypeError as e:
    assert str(e) == "unsupported operand type(s) for ** or pow(): 'NoOps' and 'int'", str(e)

# Reflected operand of a subclass is tried first.
calls = []
class Base:
    def __add__(self, o):
        calls.append("Base.add")
        return "base"
    def __radd__(self, o):
        calls.append("Base.radd")
        return "base-r"
class Sub(Base):
    def __radd__(self, o):
        calls.append("Sub.radd")
        return "sub-r"
assert Base() + Sub() == "sub-r"
assert calls == ["Sub.radd"], calls
calls.clear()
assert Base() + Base() == "base" and calls == ["Base.add"]

# A subclass that does not override the reflected method: the left operand goes first.
class Sub2(Base):
    pass
calls.clear()
assert Base() + Sub2() == "base" and calls == ["Base.add"]

# In-place operators fall back to binary ones and then reflected ones.
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __iadd__(self, o):
        self.v += o
        return self
    def __isub__(self, o):
        return NotImplemented            # falls back to __sub__ / __rsub__
    def __rsub__(self, o):
        return Num(o - self.v)
    def __imul__(self, o):
        self.v *= o
        return "imul-result"             # the return value is what gets bound
n = Num(1)
orig = n
n += 5
assert n is orig and n.v == 6
x = 10
x -= Num(3)
assert isinstance(x, Num) and x.v == 7
m = Num(2)
m *= 3
assert m == "imul-result"
try:
    k = Num(1)
    k -= 1
except TypeError as e:
    assert str(e) == "unsupported operand type(s) for -=: 'Num' and 'int'", str(e)
else:
    raise AssertionError

# All in-place dunders exist and are used.
class All:
    def __init__(self):
        self.ops = []
    def _rec(name):
        def f(self, o):
            self.ops.append(name)
            return self
        return f
    __iadd__ = _rec("iadd"); __isub__ = _rec("isub"); __imul__ = _rec("imul")
    __itruediv__ = _rec("itruediv"); __ifloordiv__ = _rec("ifloordiv"); __imod__ = _rec("imod")
    __ipow__ = _rec("ipow"); __ilshift__ = _rec("ilshift"); __irshift__ = _rec("irshift")
    __iand__ = _rec("iand"); __ior__ = _rec("ior"); __ixor__ = _rec("ixor"); __imatmul__ = _rec("imatmul")
z = All()
z += 1; z -= 1; z *= 1; z /= 1; z //= 1; z %= 1; z **= 1
z <<= 1; z >>= 1; z &= 1; z |= 1; z ^= 1; z @= 1
assert z.ops == ["iadd", "isub", "imul", "itruediv", "ifloordiv", "imod", "ipow",
                 "ilshift", "irshift", "iand", "ior", "ixor", "imatmul"], z.ops

# Special methods are looked up on the type, not the instance.
inst = Num(1)
inst.__add__ = lambda o: "instance attr"
assert (inst + 1).v == 2

# __index__ makes objects usable as indices and in bin()/hex().
class Idx:
    def __index__(self):
        return 2
assert [10, 20, 30][Idx()] == 30
assert "abc"[Idx()] == "c"
assert bin(Idx()) == "0b10"
assert range(10)[Idx()] == 2
assert [0, 1, 2, 3][Idx():] == [2, 3]

# __int__, __float__ for conversions.
class Conv:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
assert int(Conv()) == 7 and float(Conv()) == 2.5
print("ok")
