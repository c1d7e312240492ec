# Comparisons, chained comparisons (single evaluation), identity and membership.

assert 1 < 2 < 3
assert not (1 < 3 < 2)
assert 1 < 2 > 0
assert 1 == 1 == 1.0
assert not (1 == 1 == 2)
assert 1 != 2 != 1        # chains do not imply transitivity
assert 3 > 2 >= 2 > 1 >= 1
assert (1 < 2) == True
assert (1 < 2 < 3) is True
assert (1 < 0 < 3) is False

calls = []
def f(x):
    calls.append(x)
    return x

assert f(1) < f(2) < f(3)
assert calls == [1, 2, 3], calls
calls.clear()
assert not (f(1) < f(0) < f(5))
assert calls == [1, 0], calls   # short-circuits, third operand never evaluated
calls.clear()
assert f(1) < f(5) > f(2)
assert calls == [1, 5, 2]

# Comparison chain returns the failing comparison's value (not always a bool).
class Weird:
    def __lt__(self, other):
        return "yes"
    def __gt__(self, other):
        return ""
w = Weird()
assert (w < 1) == "yes"
assert (1 < 2 < w) == ""  # 2 < w -> w.__gt__(2)
assert (w < 1 < 2) is True

# Ordering of mixed numeric types.
assert 1 < 1.5 < 2
assert True < 2
assert False == 0 and True == 1
assert -1 < False
assert 2 ** 70 > 1e20 > 2 ** 60

# Sequence comparisons are lexicographic.
assert [1, 2, 3] < [1, 2, 4]
assert [1, 2] < [1, 2, 0]
assert (1, 2) < (1, 3)
assert (2,) > (1, 99)
assert [] < [0]
assert "abc" < "abd" < "b"
assert "Z" < "a"
assert "" < "a"
assert (1, "a") < (1, "b")
assert [[1, 2], [3]] < [[1, 3]]
assert not ([1, 2] < [1, 2])
assert [1, 2] <= [1, 2]

# Equality of different container types.
assert [1, 2] != (1, 2)
assert (1, 2) == (1.0, 2.0)
assert {1: 2} == {1.0: 2.0}
assert {1, 2} == frozenset([2, 1])
assert "1" != 1
assert None == None and None != 0

# Unorderable types.
for a, b in ((1, "a"), ("a", 1), ([1], (1,)), (None, None), ({}, {}), (1, None)):
    try:
        a < b
    except TypeError as e:
        msg = str(e)
        assert msg.startswith("'<' not supported between instances of"), msg
    else:
        raise AssertionError((a, b))
try:
    1 < "a"
except TypeError as e:
    assert str(e) == "'<' not supported between instances of 'int' and 'str'", str(e)
try:
    [1] >= "x"
except TypeError as e:
    assert str(e) == "'>=' not supported between instances of 'list' and 'str'", str(e)
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    assert str(e) == "'<' not supported between instances of 'str' and 'int'", str(e)
else:
    raise AssertionError

# Identity.
a = [1]
b = a
c = [1]
assert a is b and a is not c and a == c
assert None is None
assert (not a is c) == (a is not c)

# Membership.
assert 2 in [1, 2, 3]
assert 4 not in [1, 2, 3]
assert "ell" in "hello"
assert "" in "abc"
assert 1 in {1: "x"}
assert "x" not in {1: "x"}
assert 1.0 in {1}
assert 3 in range(10)
assert (1, 2) in [(1, 2)]
assert not (2 in [])
try:
    1 in 5
except TypeError as e:
    assert str(e) == "argument of type 'int' is not iterable", str(e)
else:
    raise AssertionError
try:
    1 in "abc"
except TypeError as e:
    assert str(e) == "'in <string>' requires string as left operand, not int", str(e)
else:
    raise AssertionError

# Comparison operators have lower precedence than arithmetic and bitwise ops.
assert 1 + 1 == 2
assert 1 | 2 == 3
assert not 1 == 2
assert (not 1) == False
print("ok")
