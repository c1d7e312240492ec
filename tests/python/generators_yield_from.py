# yield from: delegation, return values, send/throw forwarding, iterables.

def inner():
    yield 1
    yield 2
    return "inner-result"

def outer():
    result = yield from inner()
    yield "got " + result

assert list(outer()) == [1, 2, "got inner-result"]

# yield from any iterable.
def flat():
    yield from [1, 2]
    yield from "ab"
    yield from range(3, 5)
    yield from (x * 10 for x in range(2))
    yield from {"k": 1}
assert list(flat()) == [1, 2, "a", "b", 3, 4, 0, 10, "k"]

# Value of yield from a plain iterator is None.
def plain():
    r = yield from [1]
    yield r
assert list(plain()) == [1, None]

# Recursive delegation.
def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub)
    else:
        yield tree
assert list(walk([1, [2, [3, [4]], 5], [[6]]])) == [1, 2, 3, 4, 5, 6]

# send() is forwarded to the subgenerator.
def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v

def delegator(log):
    while True:
        final = yield from accumulator()
        log.append(final)

log = []
d = delegator(log)
assert next(d) == 0
assert d.send(5) == 5
assert d.send(10) == 15
assert d.send(None) == 0       # subgenerator returned 15; a new one started
assert log == [15]
assert d.send(1) == 1

# throw() is forwarded; a handled exception lets the subgenerator continue.
def sub_handles():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield "handled " + str(e)

def deleg():
    yield from sub_handles()

g = deleg()
assert next(g) == "ready"
assert g.throw(ValueError("x")) == "handled x"
assert next(g) == "ready"

# An unhandled thrown exception propagates through the delegator.
def sub_no_handle():
    yield 1
    yield 2
def deleg2():
    try:
        yield from sub_no_handle()
    except KeyError:
        yield "delegator caught"
g2 = deleg2()
next(g2)
assert g2.throw(KeyError) == "delegator caught"

# close() is forwarded: the subgenerator's finally runs.
events = []
def sub_final():
    try:
        yield 1
        yield 2
    finally:
        events.append("sub finally")
def deleg3():
    try:
        yield from sub_final()
    finally:
        events.append("deleg finally")
g3 = deleg3()
next(g3)
g3.close()
assert events == ["sub finally", "deleg finally"]

# StopIteration value via return inside delegated generator with try/finally.
def returns_in_finally():
    try:
        yield 1
    finally:
        pass
    return 99
def take_result():
    r = yield from returns_in_finally()
    return r
tr = take_result()
next(tr)
try:
    next(tr)
except StopIteration as e:
    assert e.value == 99

# yield from a generator that is already exhausted.
ex = inner()
list(ex)
def from_exhausted():
    r = yield from ex
    yield r
assert list(from_exhausted()) == [None]

# Subgenerator raising propagates with traceback intact.
def bad_sub():
    yield 1
    raise LookupError("sub failed")
def deleg4():
    yield from bad_sub()
g4 = deleg4()
next(g4)
try:
    next(g4)
except LookupError as e:
    assert str(e) == "sub failed"
else:
    raise AssertionError

# yield from with a custom iterator that has send().
class Echo:
    def __init__(self):
        self.last = None
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        return self.send(None)
    def send(self, v):
        self.n += 1
        if self.n > 3:
            raise StopIteration("echo-done")
        return ("echo", v)
def deleg5():
    r = yield from Echo()
    yield r
g5 = deleg5()
assert next(g5) == ("echo", None)
assert g5.send("hi") == ("echo", "hi")
assert next(g5) == ("echo", None)
assert next(g5) == "echo-done"

# yield from non-iterable.
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    assert str(e) == "'int' object is not iterable", str(e)
else:
    raise AssertionError
print("ok")
