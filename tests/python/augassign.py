# Augmented assignment to names, attributes, subscripts and slices.

x = 10
x += 5; assert x == 15
x -= 3; assert x == 12
x *= 2; assert x == 24
x /= 4; assert x == 6.0
x //= 4; assert x == 1.0
x = 17
x %= 5; assert x == 2
x **= 10; assert x == 1024
x >>= 3; assert x == 128
x <<= 1; assert x == 256
x |= 1; assert x == 257
x &= 0xF; assert x == 1
x ^= 0b11; assert x == 2

s = "ab"
s += "cd"
s *= 2
assert s == "abcdabcd"

# Lists mutate in place with += and *=; tuples rebind.
lst = [1]
alias = lst
lst += [2, 3]
assert alias == [1, 2, 3] and alias is lst
lst *= 2
assert alias == [1, 2, 3, 1, 2, 3]
lst += (4,)          # list += accepts any iterable
lst += "ab"
assert lst[-3:] == [4, "a", "b"]
t = (1,)
talias = t
t += (2,)
assert t == (1, 2) and talias == (1,)
try:
    lst2 = [1]
    lst2 = lst2 + (2,)
except TypeError as e:
    assert str(e) == 'can only concatenate list (not "tuple") to list', str(e)
else:
    raise AssertionError

# Attributes: target evaluated once.
class Obj:
    def __init__(self):
        self.count = 0
        self.items = []
o = Obj()
o.count += 1
o.count += 1
o.items += [1]
assert o.count == 2 and o.items == [1]

evals = []
def get_obj():
    evals.append("obj")
    return o
get_obj().count *= 10
assert o.count == 20 and evals == ["obj"]

# Subscripts: container and index each evaluated once.
d = {"a": 1}
d["a"] += 1
d.setdefault("b", 0)
d["b"] -= 1
assert d == {"a": 2, "b": -1}
evals.clear()
def key():
    evals.append("key")
    return "a"
def cont():
    evals.append("cont")
    return d
cont()[key()] += 100
assert d["a"] == 102 and evals == ["cont", "key"], evals

m = [[0, 0], [0, 0]]
m[1][0] += 5
m[0][1] -= 2
assert m == [[0, -2], [5, 0]]

try:
    e = {}
    e["missing"] += 1
except KeyError as err:
    assert err.args == ("missing",)
else:
    raise AssertionError

# Slices.
a = [1, 2, 3, 4, 5]
a[1:3] += [9]            # a[1:3] = a[1:3] + [9]
assert a == [1, 2, 3, 9, 4, 5], a
a[::2] *= 1
assert a == [1, 2, 3, 9, 4, 5]
b = [1, 2, 3]
b[:0] += [0]
assert b == [0, 1, 2, 3]

# Name that is not yet defined.
def bad():
    undefined_local += 1
try:
    bad()
except UnboundLocalError as e:
    assert "undefined_local" in str(e)
else:
    raise AssertionError

# __iadd__ versus __add__ fallback.
class Acc:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Acc(self.v + other)
class IAcc(Acc):
    def __iadd__(self, other):
        self.v += other
        return self
p = Acc(1)
q = p
p += 1
assert p is not q and p.v == 2 and q.v == 1
p = IAcc(1)
q = p
p += 1
assert p is q and q.v == 2

# Global and nonlocal targets.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
assert counter == 2
def outer():
    n = 0
    def inner():
        nonlocal n
        n += 5
    inner(); inner()
    return n
assert outer() == 10
print("ok")
