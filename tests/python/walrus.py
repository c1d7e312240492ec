# Assignment expressions (:=).

if (n := 10) > 5:
    assert n == 10
assert n == 10

data = [1, 2, 3, 4, 5, 6]
evens = [y for x in data if (y := x * 2) > 6]
assert evens == [8, 10, 12]
assert y == 12       # the comprehension target of := binds in the enclosing scope

# In while loops.
items = [3, 2, 1, 0, 9]
out = []
i = 0
while (v := items[i]) != 0:
    out.append(v)
    i += 1
assert out == [3, 2, 1] and v == 0

# Value of the expression is the assigned value.
assert (z := 5) + 1 == 6 and z == 5
print_val = [(w := i) for i in range(3)]
assert w == 2

# Inside function: binds a local.
def f():
    if (k := 3):
        pass
    return k
assert f() == 3

def g():
    total = 0
    [total := total + i for i in range(5)]
    return total
assert g() == 10

# Nested function scope with nonlocal semantics via comprehension.
def h():
    found = None
    any((found := x) > 2 for x in [1, 2, 3, 4])
    return found
assert h() == 3

# In a lambda.
lam = lambda: (q := 7) * 2
assert lam() == 14

# Walrus in comprehension condition at module scope with global name.
matches = [m for s in ["a1", "b", "c22"] if (m := len(s)) > 1]
assert matches == [2, 3] and m == 3

# Walrus with call arguments.
def ident(x):
    return x
assert ident(p := 4) == 4 and p == 4
assert [r := 1, r + 1] == [1, 2]
print("ok")
