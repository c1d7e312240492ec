# A generator dropped while suspended inside its body is closed: GeneratorExit is thrown in,
# so `finally` blocks and `with` exits run at the drop, before the next statement.
import sys

log = []


class CM:
    def __enter__(self):
        log.append("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        log.append(("exit", exc_type.__name__ if exc_type else None))


def with_gen():
    with CM():
        yield 1
        yield 2


for v in with_gen():
    log.append(("got", v))
    break
log.append("after loop")
assert log == ["enter", ("got", 1), ("exit", "GeneratorExit"), "after loop"], log


def fin():
    try:
        yield 1
        yield 2
    finally:
        log.append("cleanup")


log.clear()
x = fin()
next(x)
del x
log.append("after del")
assert log == ["cleanup", "after del"], log

# Rebinding a local drops the generator too.
def rebind():
    g = fin()
    next(g)
    g = None
    log.append("rebound")


log.clear()
rebind()
assert log == ["cleanup", "rebound"], log

# A generator that never started, or that finished, has nothing to run.
log.clear()
x = fin()
del x
y = fin()
assert list(y) == [1, 2] and log == ["cleanup"]
del y
assert log == ["cleanup"], log

# Errors during finalization go to sys.unraisablehook.
seen = []
sys.unraisablehook = lambda u: seen.append(
    (u.exc_type.__name__, str(u.exc_value), u.err_msg, type(u.object).__name__,
     type(u).__name__, u.exc_traceback is not None))


def bad_finally():
    try:
        yield 1
    finally:
        raise ValueError("boom")


x = bad_finally()
next(x)
del x
assert seen == [("ValueError", "boom", None, "generator", "UnraisableHookArgs", True)], seen


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


seen.clear()
x = ignores_exit()
next(x)
x = None
# (The traceback of this RuntimeError is not compared: CPython attaches the frame that
# dropped the generator.)
assert [s[:5] for s in seen] == [("RuntimeError", "generator ignored GeneratorExit", None,
                                  "generator", "UnraisableHookArgs")], seen
sys.unraisablehook = sys.__unraisablehook__

# close() is still explicit and idempotent.
log.clear()
z = fin()
next(z)
z.close()
z.close()
del z
assert log == ["cleanup"], log
print("ok")
