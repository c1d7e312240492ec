# C3 method resolution order.

class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

def names(cls):
    return [k.__name__ for k in cls.__mro__]

assert names(Z) == ["Z", "K1", "K2", "K3", "D", "A", "B", "C", "E", "O", "object"], names(Z)
assert names(K1) == ["K1", "A", "B", "C", "O", "object"]
assert Z.mro() == list(Z.__mro__)
assert type(Z.__mro__) is tuple

# Diamond.
class Base:
    def f(self):
        return ["Base"]
class Left(Base):
    def f(self):
        return ["Left"] + super().f()
class Right(Base):
    def f(self):
        return ["Right"] + super().f()
class Bottom(Left, Right):
    def f(self):
        return ["Bottom"] + super().f()
assert Bottom().f() == ["Bottom", "Left", "Right", "Base"]
assert names(Bottom) == ["Bottom", "Left", "Right", "Base", "object"]

# Inconsistent MRO.
class X: pass
class Y: pass
class XY(X, Y): pass
class YX(Y, X): pass
try:
    class Bad(XY, YX):
        pass
except TypeError as e:
    msg = str(e)
    assert msg == ("Cannot create a consistent method resolution\n"
                   "order (MRO) for bases X, Y"), repr(msg)
else:
    raise AssertionError("inconsistent MRO accepted")

# A base listed before its own subclass is inconsistent too.
try:
    class Bad2(X, XY):
        pass
except TypeError as e:
    assert str(e).startswith("Cannot create a consistent method resolution"), str(e)
else:
    raise AssertionError

# Subclass listed before its base is fine.
class Fine(XY, X):
    pass
assert names(Fine) == ["Fine", "XY", "X", "Y", "object"]

# MRO for builtin types.
assert bool.__mro__ == (bool, int, object)
assert names(bool) == ["bool", "int", "object"]
class MyList(list): pass
assert MyList.__mro__ == (MyList, list, object)
assert KeyError.__mro__ == (KeyError, LookupError, Exception, BaseException, object)

# Attribute lookup follows the MRO, first match wins.
class P:
    x = "P"
class Q(P):
    pass
class R(P):
    x = "R"
class S(Q, R):
    pass
assert S.x == "R"       # R comes before P in S's MRO
assert names(S) == ["S", "Q", "R", "P", "object"]

# Deep linear chain.
cls = object
chain = []
for i in range(50):
    cls = type("C%d" % i, (cls,), {"level": i})
    chain.append(cls)
assert cls.__mro__[0] is cls and len(cls.__mro__) == 51
assert cls.level == 49 and chain[10]().level == 10
print("ok")
