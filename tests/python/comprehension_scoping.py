# Scoping of comprehensions: loop variables do not leak, class-body rule, closures.

x = "outer"
lst = [x for x in range(3)]
assert x == "outer" and lst == [0, 1, 2]
{x for x in "ab"}
{x: 1 for x in "ab"}
list(x for x in "ab")
assert x == "outer"

def f():
    y = "local"
    [y for y in range(2)]
    return y
assert f() == "local"

# The first iterable is evaluated in the enclosing scope, others inside.
def first_iter():
    n = 3
    return [i for i in range(n)]
assert first_iter() == [0, 1, 2]

# Class body: names in the class scope are not visible inside the comprehension body,
# except in the outermost iterable.
class C:
    base = 10
    items = [1, 2]
    ok = [i for i in items]                 # outermost iterable: class scope is fine
    try:
        bad = [base + i for i in items]     # 'base' is not visible here
    except NameError as e:
        bad = str(e)
    try:
        bad2 = [i for i in items for j in items if base]
    except NameError as e:
        bad2 = "NameError"
assert C.ok == [1, 2]
assert C.bad == "name 'base' is not defined", C.bad
assert C.bad2 == "NameError"

# Inside a function, the class-scope rule does not apply to function locals.
def func_scope():
    base = 10
    class D:
        vals = [base + i for i in range(2)]   # base is a free variable of func_scope
    return D.vals
assert func_scope() == [10, 11]

# Closures created inside comprehensions capture per-iteration? No: one scope per comprehension.
fs = [lambda: i for i in range(3)]
assert [g() for g in fs] == [2, 2, 2]
fs = [lambda i=i: i for i in range(3)]
assert [g() for g in fs] == [0, 1, 2]

# Generator expression: the outermost iterable is evaluated immediately.
def gen_eager():
    try:
        (v for v in undefined_name_here)
    except NameError:
        return "eager"
    return "lazy"
assert gen_eager() == "eager"

def gen_lazy_inner():
    g = (v for w in [1] for v in undefined_inner)
    try:
        next(g)
    except NameError:
        return "inner lazy"
assert gen_lazy_inner() == "inner lazy"

# Rebinding the iterable after creating a generator does not matter.
data = [1, 2, 3]
gen = (d * 2 for d in data)
data = [100]
assert list(gen) == [2, 4, 6]

# But mutating it does.
data = [1, 2]
gen = (d for d in data)
data.append(3)
assert list(gen) == [1, 2, 3]

# Nested comprehension variables are separate.
res = [[i for i in range(2)] for i in range(3)]
assert res == [[0, 1]] * 3

# Comprehension inside a method can see self and method locals.
class E:
    factor = 3
    def scaled(self, xs):
        k = self.factor
        return [k * x for x in xs]
assert E().scaled([1, 2]) == [3, 6]

# nonlocal variable read inside comprehension.
def counter_comp():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    return [bump() for _ in range(3)], count
assert counter_comp() == ([1, 2, 3], 3)

# Comprehension at module scope referring to module globals.
G = 5
assert [G + i for i in range(2)] == [5, 6]

# Name used as comprehension target and also global.
i = "global i"
def uses_global_i():
    return [i for _ in range(1)]
assert uses_global_i() == ["global i"]
print("ok")
