# Sequence unpacking in assignments and for loops, starred and nested targets.

a, b = 1, 2
assert (a, b) == (1, 2)
a, b = b, a
assert (a, b) == (2, 1)
(a, b), c = (3, 4), 5
assert (a, b, c) == (3, 4, 5)
[a, b] = "xy"
assert (a, b) == ("x", "y")
a, = [9]
assert a == 9
(a) = 3
assert a == 3

first, *rest = [1, 2, 3, 4]
assert first == 1 and rest == [2, 3, 4]
*init, last = range(4)
assert init == [0, 1, 2] and last == 3
h, *mid, t = "abcde"
assert h == "a" and mid == ["b", "c", "d"] and t == "e"
h, *mid, t = "ab"
assert mid == []
*everything, = (1, 2)
assert everything == [1, 2] and type(everything) is list
x, (y, *z), w = 1, (2, 3, 4), 5
assert (x, y, z, w) == (1, 2, [3, 4], 5)
[p, [q, [r, s]]] = [1, [2, [3, 4]]]
assert (p, q, r, s) == (1, 2, 3, 4)

# Unpacking any iterable: generators, dicts, sets of one element.
g = (i * i for i in range(3))
a, b, c = g
assert (a, b, c) == (0, 1, 4)
k1, k2 = {"k": 1, "j": 2}
assert (k1, k2) == ("k", "j")
(only,) = {42}
assert only == 42

# Errors.
def expect(exc, msg, fn):
    try:
        fn()
    except exc as e:
        assert str(e) == msg, (str(e), msg)
    else:
        raise AssertionError("expected " + msg)

def too_many():
    a, b = 1, 2, 3
def too_few():
    a, b, c = 1, 2
def too_few_star():
    a, b, *c = [1]
def not_iterable():
    a, b = 5
def too_many_list():
    a, b = [1, 2, 3]
expect(ValueError, "too many values to unpack (expected 2)", too_many)
expect(ValueError, "not enough values to unpack (expected 3, got 2)", too_few)
expect(ValueError, "not enough values to unpack (expected at least 2, got 1)", too_few_star)
expect(TypeError, "cannot unpack non-iterable int object", not_iterable)
expect(ValueError, "too many values to unpack (expected 2)", too_many_list)

# For-loop targets.
pairs = [(1, "a"), (2, "b")]
out = []
for n, s in pairs:
    out.append(s * n)
assert out == ["a", "bb"]
out = []
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    out.append(i + x + y)
assert out == [3, 8]
out = []
for first, *others in [[1, 2, 3], [4], [5, 6]]:
    out.append((first, others))
assert out == [(1, [2, 3]), (4, []), (5, [6])]

# Assignment to attributes and subscripts inside unpacking.
class Box:
    pass
bx = Box()
lst = [0, 0, 0]
bx.v, lst[1], lst[2:] = 1, 2, (3, 4)
assert bx.v == 1 and lst == [0, 2, 3, 4]

# Chained assignment evaluates RHS once and assigns left to right.
order = []
class Rec:
    def __setitem__(self, k, v):
        order.append(k)
rr = Rec()
rr["a"] = rr["b"] = 1
assert order == ["a", "b"]
u = v = []
u.append(1)
assert v == [1]
i, lst2 = 0, [10, 20]
i, lst2[i] = 1, 99      # i is assigned first, then lst2[1]
assert lst2 == [10, 99]

# Swapping via unpacking in a list.
arr = [1, 2, 3]
arr[0], arr[2] = arr[2], arr[0]
assert arr == [3, 2, 1]

# Large starred unpack.
head, *body = range(1000)
assert head == 0 and len(body) == 999 and body[-1] == 999
print("ok")
