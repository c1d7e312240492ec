# Rich comparisons: reflection, NotImplemented fallback, identity default for ==.

log = []
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        log.append("A.eq")
        if isinstance(o, A):
            return self.v == o.v
        return NotImplemented
    def __lt__(self, o):
        log.append("A.lt")
        if isinstance(o, A):
            return self.v < o.v
        return NotImplemented
    def __le__(self, o):
        log.append("A.le")
        return NotImplemented
    __hash__ = None

assert A(1) == A(1)
assert A(1) != A(2)        # __ne__ defaults to the inverse of __eq__
assert A(1) < A(2)
assert A(3) > A(2)         # reflected: A(2).__lt__(A(3))
log.clear()
assert not (A(1) == 5)     # NotImplemented both ways -> identity comparison
assert log == ["A.eq"], log
assert A(1) != "x"
a = A(1)
assert a == a
try:
    A(1) < 5
except TypeError as e:
    assert str(e) == "'<' not supported between instances of 'A' and 'int'", str(e)
else:
    raise AssertionError
try:
    A(1) <= A(2)
except TypeError as e:
    assert str(e) == "'<=' not supported between instances of 'A' and 'A'", str(e)
else:
    raise AssertionError

# Reflection order: for x < y, try x.__lt__(y), then y.__gt__(x).
order = []
class L:
    def __lt__(self, o):
        order.append("L.lt")
        return NotImplemented
class R:
    def __gt__(self, o):
        order.append("R.gt")
        return "from R.gt"
assert (L() < R()) == "from R.gt"
assert order == ["L.lt", "R.gt"]

# Subclass's reflected method takes priority.
order.clear()
class P:
    def __eq__(self, o):
        order.append("P.eq")
        return "P"
class Q(P):
    def __eq__(self, o):
        order.append("Q.eq")
        return "Q"
assert (P() == Q()) == "Q"
assert order == ["Q.eq"]

# __ne__ explicit.
class NE:
    def __eq__(self, o):
        return True
    def __ne__(self, o):
        return "custom ne"
assert (NE() != 1) == "custom ne"

# Comparisons returning non-bools are passed through; bool() applied in conditions.
class Fuzzy:
    def __lt__(self, o):
        return [1]
assert (Fuzzy() < 1) == [1]
if Fuzzy() < 1:
    pass
else:
    raise AssertionError

# sorted/min/max use __lt__ only.
class Rank:
    def __init__(self, r):
        self.r = r
    def __lt__(self, o):
        return self.r < o.r
    def __repr__(self):
        return "Rank(%d)" % self.r
ranks = [Rank(3), Rank(1), Rank(2)]
assert [r.r for r in sorted(ranks)] == [1, 2, 3]
assert max(ranks).r == 3 and min(ranks).r == 1

# list/tuple comparisons call element __eq__ then __lt__.
class Elt:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    __hash__ = object.__hash__
assert [Elt(1), Elt(2)] < [Elt(1), Elt(3)]
assert (Elt(1),) == (Elt(1),)
assert Elt(1) in [Elt(0), Elt(1)]
assert [Elt(5)].index(Elt(5)) == 0
assert [Elt(5), Elt(5)].count(Elt(5)) == 2

# Identity check first in containers: an object not equal to itself is still found.
class Never:
    def __eq__(self, o):
        return False
    __hash__ = object.__hash__
n = Never()
assert n != n or True
assert n in [n]
assert [n] == [n]
assert n in {n}
assert [n].count(n) == 1

# Total ordering written by hand.
class Version:
    def __init__(self, s):
        self.t = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.t == o.t
    def __lt__(self, o):
        return self.t < o.t
    def __le__(self, o):
        return self.t <= o.t
    def __gt__(self, o):
        return self.t > o.t
    def __ge__(self, o):
        return self.t >= o.t
    __hash__ = None
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
assert [".".join(map(str, v.t)) for v in sorted(vs)] == ["0.9", "1.2", "1.2.1", "1.10"]
assert Version("2.0") >= Version("2.0") and Version("2.0") <= Version("2.1")
print("ok")
