# The del statement: names, attributes, items, slices, tuples of targets.

x = 1
del x
try:
    x
except NameError as e:
    assert str(e) == "name 'x' is not defined", str(e)
else:
    raise AssertionError

try:
    del never_defined
except NameError as e:
    assert str(e) == "name 'never_defined' is not defined", str(e)
else:
    raise AssertionError

def local_del():
    y = 2
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
assert local_del() == "cannot access local variable 'y' where it is not associated with a value", local_del()

def del_unbound():
    try:
        del z
    except UnboundLocalError as e:
        return "unbound"
    z = 1
assert del_unbound() == "unbound"

# Attributes.
class C:
    cls_attr = 1
o = C()
o.a = 1
o.b = 2
del o.a
assert not hasattr(o, "a") and o.b == 2
try:
    del o.a
except AttributeError as e:
    assert str(e) == "'C' object has no attribute 'a'", str(e)
else:
    raise AssertionError
try:
    del o.cls_attr        # class attribute cannot be deleted via the instance
except AttributeError:
    pass
else:
    raise AssertionError
del C.cls_attr
assert not hasattr(C, "cls_attr")

# Items.
lst = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
del lst[0]
assert lst == [1, 2, 3, 4, 5, 6, 7, 8, 9]
del lst[-1]
assert lst == [1, 2, 3, 4, 5, 6, 7, 8]
del lst[2:4]
assert lst == [1, 2, 5, 6, 7, 8]
del lst[::2]
assert lst == [2, 6, 8]
del lst[10:]
assert lst == [2, 6, 8]
del lst[:]
assert lst == []
try:
    del lst[0]
except IndexError as e:
    assert str(e) == "list assignment index out of range", str(e)
else:
    raise AssertionError

d = {"a": 1, "b": 2}
del d["a"]
assert d == {"b": 2}
try:
    del d["zz"]
except KeyError as e:
    assert e.args == ("zz",)
else:
    raise AssertionError

# Tuple of targets.
p, q, r = 1, 2, 3
del p, q
assert "p" not in globals() and "q" not in globals() and r == 3
m = [1, 2, 3]
n = {"k": 1}
del (m[0], n["k"])
assert m == [2, 3] and n == {}
del [r]
assert "r" not in globals()

# Immutable containers.
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    assert str(e) == "'tuple' object doesn't support item deletion", str(e)
else:
    raise AssertionError
s = "abc"
try:
    del s[0]
except TypeError as e:
    assert str(e) == "'str' object doesn't support item deletion", str(e)

# __delitem__ and __delattr__ hooks.
log = []
class Hook:
    def __delitem__(self, k):
        log.append(("item", k))
    def __delattr__(self, name):
        log.append(("attr", name))
h = Hook()
del h[1:2]
del h["k"]
del h.anything
assert log == [("item", slice(1, 2, None)), ("item", "k"), ("attr", "anything")], log

# del in a loop over dict keys copy.
d = {i: i * i for i in range(6)}
for k in list(d):
    if k % 2:
        del d[k]
assert d == {0: 0, 2: 4, 4: 16}

# del of a global from a function.
G = 1
def kill_global():
    global G
    del G
kill_global()
assert "G" not in globals()
print("ok")
