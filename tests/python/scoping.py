# Name resolution: LEGB, class scopes, builtins shadowing, global/nonlocal declarations.

x = "global"

def read():
    return x

def shadow():
    x = "local"
    return x

def nested():
    x = "enclosing"
    def inner():
        return x
    return inner()

assert read() == "global"
assert shadow() == "local" and x == "global"
assert nested() == "enclosing"

# Builtins can be shadowed at module and function level.
def use_len():
    len = lambda s: -1
    return len("abc")
assert use_len() == -1
assert len("abc") == 3

def shadow_global_builtin():
    return max([1, 5, 3])
max_saved = max
max = lambda *a: "shadowed"
assert shadow_global_builtin() == "shadowed"
del max
assert shadow_global_builtin() == 5
assert max is max_saved

# Class scope is not visible from methods or nested functions.
class K:
    y = 10
    z = y + 1            # class body sees its own names
    def method(self):
        return y_global_lookup()
    lst = [y * 2]        # the outermost iterable is evaluated in class scope
    try:
        comp = [y for _ in range(2)]   # but the comprehension body can't see y
    except NameError:
        comp = "NameError"
def y_global_lookup():
    try:
        return y
    except NameError:
        return "not found"
assert K.z == 11
assert K.lst == [20]
assert K.comp == "NameError"
assert K().method() == "not found"

# Class body can read a global, then shadow it.
val = "g"
class Shadow:
    before = val
    val = "c"
    after = val
assert Shadow.before == "g" and Shadow.after == "c" and val == "g"

# Class body in a function sees function locals (through the class's own lookups).
def make():
    hidden = "enclosed"
    class Inner:
        attr = hidden
        def get(self):
            return hidden
    return Inner
I = make()
assert I.attr == "enclosed" and I().get() == "enclosed"

# global declared in nested function.
def outer():
    def inner():
        global made_here
        made_here = 1
    inner()
outer()
assert made_here == 1

# nonlocal must refer to an enclosing function binding.
def a():
    v = 1
    def b():
        def c():
            nonlocal v
            v += 1
        c()
    b()
    return v
assert a() == 2

# Names in except clauses are unbound at the end of the clause.
try:
    raise ValueError("x")
except ValueError as exc:
    pass
try:
    exc
except NameError:
    pass
else:
    raise AssertionError("exc should be unbound")

# Loop variables leak from for loops but not from comprehensions.
for leaked in range(3):
    pass
assert leaked == 2
[hidden_c for hidden_c in range(3)]
assert "hidden_c" not in globals()

# Function locals are independent between calls.
def fresh():
    try:
        counter
    except UnboundLocalError:
        pass
    except NameError:
        pass
    counter = 1
    return counter
assert fresh() == 1 and fresh() == 1

# locals() in a function.
def loc(a, b=2):
    c = 3
    return sorted(locals().items())
assert loc(1) == [("a", 1), ("b", 2), ("c", 3)]

# del global then NameError.
tmp = 5
del tmp
try:
    tmp
except NameError as e:
    assert str(e) == "name 'tmp' is not defined"

# Conditional definitions.
if True:
    def cond():
        return "first"
else:
    def cond():
        return "second"
assert cond() == "first"

# Function definitions rebind names.
def redefined():
    return 1
def redefined():
    return 2
assert redefined() == 2
print("ok")
