# Generator functions: lazy evaluation, state, return values, generator objects.

def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

g = count_up(3)
assert type(g).__name__ == "generator"
assert iter(g) is g
assert next(g) == 0 and next(g) == 1 and next(g) == 2
try:
    next(g)
except StopIteration as e:
    assert e.value is None and e.args == ()
else:
    raise AssertionError
assert list(g) == []
assert list(count_up(5)) == [0, 1, 2, 3, 4]
assert sum(count_up(101)) == 5050

# Laziness: code runs only when values are requested.
trace = []
def traced():
    trace.append("start")
    yield 1
    trace.append("middle")
    yield 2
    trace.append("end")
tg = traced()
assert trace == []
next(tg)
assert trace == ["start"]
next(tg)
assert trace == ["start", "middle"]
assert list(tg) == [] and trace == ["start", "middle", "end"]

# return value ends up on StopIteration.value.
def with_return():
    yield "a"
    return "result"
wr = with_return()
next(wr)
try:
    next(wr)
except StopIteration as e:
    assert e.value == "result" and e.args == ("result",)

# Generator with no yields executed (still a generator).
def empty():
    return
    yield
assert list(empty()) == []

# Infinite generators with manual limits.
def naturals():
    n = 0
    while True:
        yield n
        n += 1
out = []
for v in naturals():
    if v >= 5:
        break
    out.append(v)
assert out == [0, 1, 2, 3, 4]

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
first = [next(f) for _ in range(12)]
assert first == [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]

def take(n, it):
    it = iter(it)
    result = []
    for _ in range(n):
        try:
            result.append(next(it))
        except StopIteration:
            break
    return result
assert take(3, naturals()) == [0, 1, 2]
assert take(10, "abc") == ["a", "b", "c"]

# Pipelines.
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def squares(it):
    for x in it:
        yield x * x
assert take(4, squares(evens(naturals()))) == [0, 4, 16, 36]

# Generator attributes and state.
def gen_state():
    yield 1
gs = gen_state()
assert gs.__name__ == "gen_state"
assert gs.__qualname__ == "gen_state"
assert gs.gi_running is False
assert gs.gi_frame is not None
next(gs)
for _ in gs:
    pass
assert gs.gi_frame is None

# Each call creates an independent generator.
a = count_up(3)
b = count_up(3)
next(a)
assert next(a) == 1 and next(b) == 0

# yield as an expression (value None when using next()).
def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    return received
e = echo()
assert next(e) == 0
assert next(e) == 1
assert e.send("s") == 2
try:
    next(e)
except StopIteration as stop:
    assert stop.value == [None, "s", None]

# Generators in methods and closures.
class Tree:
    def __init__(self, v, l=None, r=None):
        self.v, self.l, self.r = v, l, r
    def inorder(self):
        if self.l:
            yield from self.l.inorder()
        yield self.v
        if self.r:
            yield from self.r.inorder()
t = Tree(4, Tree(2, Tree(1), Tree(3)), Tree(6, Tree(5), Tree(7)))
assert list(t.inorder()) == [1, 2, 3, 4, 5, 6, 7]

def make_gen(prefix):
    def gen(n):
        for i in range(n):
            yield prefix + str(i)
    return gen
assert list(make_gen("p")(3)) == ["p0", "p1", "p2"]

# Generators with try/finally and local state after exhaustion.
fin = []
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        fin.append("done")
assert list(with_finally()) == [1, 2] and fin == ["done"]

# Yield inside loops with else.
def loop_else(items):
    for x in items:
        if x < 0:
            yield "neg"
            break
        yield x
    else:
        yield "exhausted"
assert list(loop_else([1, 2])) == [1, 2, "exhausted"]
assert list(loop_else([1, -1, 2])) == [1, "neg"]

# Generator in a boolean context is truthy; repr mentions generator object.
assert bool(count_up(0))
assert repr(count_up(0)).startswith("<generator object count_up at 0x")
print("ok")
