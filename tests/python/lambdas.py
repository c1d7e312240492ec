# Lambda expressions.

sq = lambda x: x * x
assert sq(5) == 25
assert (lambda: 42)() == 42
assert (lambda *a, **k: (a, k))(1, b=2) == ((1,), {"b": 2})
assert (lambda a, b=2, *, c=3: a + b + c)(1) == 6
assert (lambda a, /, b: a - b)(5, b=1) == 4
assert sq.__name__ == "<lambda>"
assert sq.__qualname__ == "<lambda>"

def outer():
    return lambda: 0
assert outer().__qualname__ == "outer.<locals>.<lambda>"

# Closures.
adders = [lambda x, n=n: x + n for n in range(4)]
assert [f(10) for f in adders] == [10, 11, 12, 13]
def make_mul(n):
    return lambda x: x * n
assert make_mul(3)(4) == 12

# Lambdas as key functions.
words = ["banana", "Apple", "cherry", "date"]
assert sorted(words, key=lambda w: w.lower()) == ["Apple", "banana", "cherry", "date"]
assert sorted(words, key=lambda w: (len(w), w)) == ["date", "Apple", "banana", "cherry"]
assert max(words, key=lambda w: w[-1]) == "cherry"
assert list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])) == [4, 10, 18]
assert list(filter(lambda v: v % 2, range(7))) == [1, 3, 5]

# Lambda returning a lambda; immediately invoked.
curry = lambda a: lambda b: lambda c: a + b + c
assert curry(1)(2)(3) == 6

# Conditional expression inside a lambda.
sign = lambda v: -1 if v < 0 else (0 if v == 0 else 1)
assert [sign(-5), sign(0), sign(9)] == [-1, 0, 1]

# Recursion through a name.
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
assert fact(10) == 3628800

# Lambda with default referring to outer scope evaluated at creation.
k = 5
lam = lambda x=k: x
k = 6
assert lam() == 5

# Calling with wrong arity.
try:
    sq()
except TypeError as e:
    assert str(e) == "<lambda>() missing 1 required positional argument: 'x'", str(e)
else:
    raise AssertionError

# Lambda in a class body is a plain function -> method.
class C:
    double = lambda self, v: v * 2
assert C().double(4) == 8
assert type(lambda: 0).__name__ == "function"
print("ok")
