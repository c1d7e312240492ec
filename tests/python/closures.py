# Closures, nonlocal and global.

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
assert [c1(), c1(), c1()] == [1, 2, 3]
assert c2() == 1

# Closures see later rebinding of the captured variable.
def late_binding():
    x = 1
    def get():
        return x
    x = 2
    return get
assert late_binding()() == 2

# Multiple closures share one cell.
def pair():
    v = 0
    def get():
        return v
    def set_(n):
        nonlocal v
        v = n
    return get, set_
get, set_ = pair()
set_(42)
assert get() == 42

# Deeply nested closures.
def l1():
    a = 1
    def l2():
        b = 2
        def l3():
            c = 3
            def l4():
                return a + b + c
            return l4
        return l3
    return l2
assert l1()()()() == 6

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed"
        inner()
        return x
    r = middle()
    return r, x
assert outer() == ("changed", "changed")

# __closure__ and cell_contents.
def mk(v):
    def f():
        return v
    return f
fn = mk(7)
assert fn.__closure__ is not None and len(fn.__closure__) == 1
assert fn.__closure__[0].cell_contents == 7
assert mk.__closure__ is None
assert fn.__code__.co_freevars == ("v",)

# Globals.
G = 1
def read_global():
    return G
def write_global():
    global G
    G = 100
def shadow():
    G = 5
    return G
assert read_global() == 1
assert shadow() == 5 and G == 1
write_global()
assert G == 100 and read_global() == 100

def create_global():
    global NEW_NAME
    NEW_NAME = "created"
create_global()
assert NEW_NAME == "created"

# UnboundLocalError when a name is assigned later in the function.
X = 10
def bad():
    y = X
    X = 20
    return y
try:
    bad()
except UnboundLocalError as e:
    assert str(e) == "cannot access local variable 'X' where it is not associated with a value", str(e)
else:
    raise AssertionError

# Free variable referenced before assignment in enclosing scope.
def encl():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        msg = str(e)
    z = 1
    return msg, inner()
msg, val = encl()
assert msg == "cannot access free variable 'z' where it is not associated with a value in enclosing scope", msg
assert val == 1

# Loop variable captured by closure.
funcs = []
for i in range(3):
    def f(i=i):
        return i
    funcs.append(f)
assert [f() for f in funcs] == [0, 1, 2]

# Closure over a loop variable in a function sees the final value.
def make_all():
    out = []
    for j in range(3):
        out.append(lambda: j)
    return [f() for f in out]
assert make_all() == [2, 2, 2]

# Class bodies do not create closures for methods.
class K:
    attr = 5
    def m(self):
        try:
            return attr
        except NameError:
            return "no class scope"
assert K().m() == "no class scope"

# nonlocal in class body method referring to function scope.
def factory():
    state = []
    class C:
        def add(self, v):
            state.append(v)
    C().add(1)
    C().add(2)
    return state
assert factory() == [1, 2]

# Closure cell with del.
def deleter():
    v = 1
    def get():
        return v
    del v
    try:
        get()
    except NameError as e:
        return "deleted"
assert deleter() == "deleted"
print("ok")
