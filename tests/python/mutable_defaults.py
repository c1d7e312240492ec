# Mutable default arguments are shared between calls.

def append_to(item, target=[]):
    target.append(item)
    return target

r1 = append_to(1)
r2 = append_to(2)
assert r1 is r2
assert r1 == [1, 2]
assert append_to.__defaults__ == ([1, 2],)
assert append_to(3, []) == [3]
assert append_to(4) == [1, 2, 4]

def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
assert safe_append(1) == [1]
assert safe_append(2) == [2]

def counter(d={}):
    d["n"] = d.get("n", 0) + 1
    return d["n"]
assert [counter(), counter(), counter()] == [1, 2, 3]

# Default dicts shared by methods across instances.
class Registry:
    def register(self, name, store={}):
        store[name] = True
        return store
a = Registry()
b = Registry()
assert a.register("x") is b.register("y")
assert a.register("z") == {"x": True, "y": True, "z": True}

# Keyword-only mutable default.
def kwonly(*, acc=[]):
    acc.append(len(acc))
    return acc
kwonly()
kwonly()
assert kwonly() == [0, 1, 2]
assert kwonly.__kwdefaults__["acc"] == [0, 1, 2]

# Lambdas with defaults capture values at definition time.
fs = [lambda i=i: i * 10 for i in range(3)]
assert [f() for f in fs] == [0, 10, 20]
late = [lambda: i for i in range(3)]
assert [f() for f in late] == [2, 2, 2]

# Replacing __defaults__ with a fresh object resets the sharing.
append_to.__defaults__ = ([],)
assert append_to(9) == [9]
print("ok")
