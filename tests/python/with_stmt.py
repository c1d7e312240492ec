# The with statement: __enter__/__exit__, as-targets, multiple items, nesting, ordering.

log = []
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        log.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        return self.suppress

with CM("a") as v:
    log.append("body " + v)
assert log == ["enter a", "body A", "exit a None"], log

# Multiple items: entered left to right, exited right to left.
log.clear()
with CM("x") as x, CM("y") as y:
    log.append("body %s%s" % (x, y))
assert log == ["enter x", "enter y", "body XY", "exit y None", "exit x None"], log

# Parenthesized multiple items (3.10+).
log.clear()
with (
    CM("p") as p,
    CM("q"),
):
    log.append("body")
assert log == ["enter p", "enter q", "body", "exit q None", "exit p None"]

# Nested with.
log.clear()
with CM("outer"):
    with CM("inner"):
        log.append("deep")
assert log == ["enter outer", "enter inner", "deep", "exit inner None", "exit outer None"]

# Exception passes through __exit__ (not suppressed).
log.clear()
try:
    with CM("e"):
        raise ValueError("boom")
except ValueError as err:
    assert str(err) == "boom"
    log.append("caught")
assert log == ["enter e", "exit e ValueError", "caught"], log

# Exception suppressed when __exit__ returns a true value.
log.clear()
with CM("s", suppress=True):
    raise KeyError("hidden")
log.append("after")
assert log == ["enter s", "exit s KeyError", "after"]

# __exit__ receives the exception triple.
received = []
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        received.append((t, type(v), tb is not None))
        return True
with Inspect():
    1 / 0
assert received == [(ZeroDivisionError, ZeroDivisionError, True)]

# return/break/continue inside with still call __exit__.
log.clear()
def ret():
    with CM("r"):
        return "returned"
assert ret() == "returned" and log == ["enter r", "exit r None"]
log.clear()
for i in range(3):
    with CM(str(i)):
        if i == 0:
            continue
        if i == 1:
            break
assert log == ["enter 0", "exit 0 None", "enter 1", "exit 1 None"], log

# Exit of an outer manager sees exceptions from inner ones' suppression decisions.
log.clear()
with CM("out", suppress=True):
    with CM("in"):
        raise RuntimeError
    log.append("unreachable")
assert log == ["enter out", "enter in", "exit in RuntimeError", "exit out RuntimeError"], log

# If __enter__ raises, __exit__ is not called.
class BadEnter:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        log.append("should not run")
log.clear()
try:
    with BadEnter():
        log.append("body")
except OSError:
    pass
assert log == []

# In a multi-item with, a failing second __enter__ still exits the first.
log.clear()
try:
    with CM("first"), BadEnter():
        pass
except OSError:
    pass
assert log == ["enter first", "exit first OSError"], log

# Objects lacking the protocol.
class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except TypeError as e:
    assert "context manager" in str(e), str(e)
else:
    raise AssertionError
try:
    with 5:
        pass
except TypeError as e:
    assert str(e) == "'int' object does not support the context manager protocol", str(e)
else:
    raise AssertionError

# The as-target can be any assignment target.
class Ret:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
store = {}
with Ret() as (first, second):
    pass
assert (first, second) == (1, 2)
with Ret() as store["k"]:
    pass
assert store == {"k": (1, 2)}

# A reusable timer-like context manager with state.
class Counter:
    def __init__(self):
        self.depth = 0
        self.max_depth = 0
    def __enter__(self):
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        return self
    def __exit__(self, *a):
        self.depth -= 1
cnt = Counter()
with cnt:
    with cnt:
        with cnt:
            pass
assert cnt.depth == 0 and cnt.max_depth == 3
print("ok")
