# __repr__, __str__, __bool__, __len__ and truthiness.

class Both:
    def __repr__(self):
        return "Both()"
    def __str__(self):
        return "both-str"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly!"
class StrOnly:
    def __str__(self):
        return "str-only"

assert repr(Both()) == "Both()" and str(Both()) == "both-str"
assert str(ReprOnly()) == "ReprOnly!"           # str falls back to repr
assert repr(StrOnly()).startswith("<__main__.StrOnly object at 0x")
assert [Both()].__repr__() == "[Both()]"        # containers use repr of items
assert str([Both(), ReprOnly()]) == "[Both(), ReprOnly!]"
assert str((Both(),)) == "(Both(),)"
assert str({"k": Both()}) == "{'k': Both()}"
assert "%s|%r" % (Both(), Both()) == "both-str|Both()"
assert f"{Both()}|{Both()!r}" == "both-str|Both()"
assert "{}".format(StrOnly()) == "str-only"

class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    assert str(e) == "__repr__ returned non-string (type int)", str(e)
else:
    raise AssertionError
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    assert str(e) == "__str__ returned non-string (type NoneType)", str(e)
else:
    raise AssertionError

# repr of a str subclass instance returned from __repr__ is fine.
class S(str):
    pass
class ReprSub:
    def __repr__(self):
        return S("sub")
assert repr(ReprSub()) == "sub"

# __bool__.
class T:
    def __bool__(self):
        return True
class F:
    def __bool__(self):
        return False
assert bool(T()) and not bool(F())
assert (F() or "fallback") == "fallback"
assert not F()
if F():
    raise AssertionError
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    assert str(e) == "__bool__ should return bool, returned int", str(e)
else:
    raise AssertionError

# __len__ used when there is no __bool__.
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
assert not Sized(0) and Sized(3)
assert len(Sized(5)) == 5
class Both2:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
assert Both2()              # __bool__ wins
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError as e:
    assert str(e) == "__len__() should return >= 0", str(e)
else:
    raise AssertionError
try:
    bool(NegLen())
except ValueError:
    pass
else:
    raise AssertionError
class FloatLen:
    def __len__(self):
        return 1.5
try:
    len(FloatLen())
except TypeError as e:
    assert str(e) == "'float' object cannot be interpreted as an integer", str(e)
else:
    raise AssertionError
class HugeLen:
    def __len__(self):
        return 2 ** 100
try:
    len(HugeLen())
except OverflowError:
    pass
else:
    raise AssertionError
try:
    len(5)
except TypeError as e:
    assert str(e) == "object of type 'int' has no len()", str(e)
else:
    raise AssertionError

# Objects with neither are truthy.
class Plain:
    pass
assert Plain()

# __bool__ = None makes truth testing raise.
class NoTruth:
    __bool__ = None
try:
    if NoTruth():
        pass
except TypeError as e:
    assert str(e) == "'NoneType' object is not callable", str(e)
else:
    raise AssertionError

# Recursive repr protection is the class's job; builtin containers do it for themselves.
class Holder:
    def __init__(self):
        self.items = []
    def __repr__(self):
        return "Holder(%r)" % (self.items,)
h = Holder()
h.items.append(1)
assert repr(h) == "Holder([1])"
print("ok")
