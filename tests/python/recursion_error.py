# RecursionError from unbounded recursion; the interpreter keeps working afterwards.
import sys

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    assert str(e) == "maximum recursion depth exceeded", str(e)
    assert isinstance(e, RuntimeError)
else:
    raise AssertionError

# Still works after the error.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
assert depth(500) == 500

# Repeatedly.
for _ in range(3):
    try:
        forever(0)
    except RecursionError:
        pass
assert depth(100) == 100

# Mutual recursion.
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
try:
    ping(0)
except RecursionError:
    pass
else:
    raise AssertionError

# Recursion through __repr__ of user objects.
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError:
    pass
else:
    raise AssertionError

# Recursion through __getattr__.
class BadGetattr:
    def __getattr__(self, name):
        return self.missing
try:
    BadGetattr().x
except RecursionError:
    pass
else:
    raise AssertionError

# Recursion in a method of a class.
class Walker:
    def walk(self):
        return self.walk()
try:
    Walker().walk()
except RecursionError:
    pass

# Lowering and raising the limit.
old = sys.getrecursionlimit()
assert old >= 100
sys.setrecursionlimit(200)
assert sys.getrecursionlimit() == 200
try:
    depth(1000)
except RecursionError:
    pass
else:
    raise AssertionError("limit of 200 should stop depth 1000")
sys.setrecursionlimit(10000)
assert depth(5000) == 5000
sys.setrecursionlimit(old)

try:
    sys.setrecursionlimit(0)
except ValueError as e:
    assert str(e) == "recursion limit must be greater or equal than 1", str(e)
else:
    raise AssertionError
try:
    sys.setrecursionlimit(-5)
except ValueError:
    pass
else:
    raise AssertionError

# RecursionError can be caught at an intermediate level and execution continues.
def guarded(n):
    try:
        return guarded(n + 1)
    except RecursionError:
        return n
reached = guarded(0)
assert 50 < reached <= sys.getrecursionlimit(), reached

# Recursive generator chains also hit the limit.
def gen_chain(n):
    yield from gen_chain(n + 1)
try:
    next(gen_chain(0))
except RecursionError:
    pass
else:
    raise AssertionError

# Deeply nested data structures: str() of a nested list beyond the limit.
nested = []
for _ in range(100000):
    nested = [nested]
try:
    str(nested)
except RecursionError:
    pass
else:
    raise AssertionError
del nested
assert depth(200) == 200
print("ok")
