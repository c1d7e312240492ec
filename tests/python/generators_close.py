# close(), GeneratorExit, finally blocks in generators, and generator cleanup.

events = []
def resource():
    events.append("open")
    try:
        yield 1
        yield 2
        yield 3
    finally:
        events.append("close")

g = resource()
assert next(g) == 1
g.close()
assert events == ["open", "close"]
assert list(g) == []          # closed generator is exhausted
g.close()                     # closing again is a no-op
assert events == ["open", "close"]

# close() on an unstarted generator does not run any code.
events.clear()
g2 = resource()
g2.close()
assert events == []

# close() on an exhausted generator is fine.
g3 = resource()
list(g3)
g3.close()

# GeneratorExit can be caught but the generator must not yield again.
def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        events.append("saw GeneratorExit")
        raise
events.clear()
c = catches_exit()
next(c)
c.close()
assert events == ["saw GeneratorExit"]

def swallows_exit():
    try:
        yield 1
    except GeneratorExit:
        pass          # returning normally is allowed
s = swallows_exit()
next(s)
s.close()

def yields_on_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "again"
y = yields_on_exit()
next(y)
try:
    y.close()
except RuntimeError as e:
    assert str(e) == "generator ignored GeneratorExit", str(e)
else:
    raise AssertionError

# Other exceptions raised during close propagate.
def raises_on_exit():
    try:
        yield 1
    finally:
        raise ValueError("cleanup failed")
r = raises_on_exit()
next(r)
try:
    r.close()
except ValueError as e:
    assert str(e) == "cleanup failed"
    assert isinstance(e.__context__, GeneratorExit)
else:
    raise AssertionError

# GeneratorExit is a BaseException, not an Exception.
assert issubclass(GeneratorExit, BaseException)
assert not issubclass(GeneratorExit, Exception)
def except_exception():
    try:
        yield 1
    except Exception:
        events.append("wrongly caught")
    yield 2
events.clear()
ee = except_exception()
next(ee)
ee.close()
assert events == []

# finally runs when a for loop breaks out and the generator is explicitly closed.
events.clear()
gen = resource()
for v in gen:
    if v == 2:
        break
assert events == ["open"]
gen.close()
assert events == ["open", "close"]

# Generator finalization when the last reference goes away (CPython refcounting runs it
# immediately; krait must run it at the latest when the program ends, so we only check that
# an explicit close makes it happen now).
events.clear()
def scoped():
    g = resource()
    next(g)
    g.close()
scoped()
assert events == ["open", "close"]

# return inside try/finally in a generator.
def ret_finally():
    try:
        yield 1
        return "r"
    finally:
        events.append("ret finally")
events.clear()
rf = ret_finally()
next(rf)
try:
    next(rf)
except StopIteration as e:
    assert e.value == "r"
assert events == ["ret finally"]

# close() returns None.
def g_simple():
    yield 1
gs = g_simple()
next(gs)
assert gs.close() is None
print("ok")
