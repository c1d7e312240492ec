# Exceptions and context managers: suppression, exceptions raised in __exit__, chaining.

class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        if t is not None and issubclass(t, self.types):
            self.caught = v
            return True
        return False

with Suppress(KeyError) as s:
    {}["missing"]
assert isinstance(s.caught, KeyError) and s.caught.args == ("missing",)

try:
    with Suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    assert str(e) == "not suppressed"
else:
    raise AssertionError

# Subclass matching.
with Suppress(LookupError) as s2:
    [][1]
assert type(s2.caught) is IndexError

# A truthy non-bool return value also suppresses.
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "yes"
with Truthy():
    raise RuntimeError
# A falsy non-None return value does not suppress.
class Falsy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return 0
try:
    with Falsy():
        raise RuntimeError("kept")
except RuntimeError as e:
    assert str(e) == "kept"
else:
    raise AssertionError

# An exception raised inside __exit__ replaces the original, with __context__ set.
class Raiser:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise TypeError("from exit")
try:
    with Raiser():
        raise ValueError("original")
except TypeError as e:
    assert str(e) == "from exit"
    assert isinstance(e.__context__, ValueError)
    assert str(e.__context__) == "original"
else:
    raise AssertionError

# Exception in __exit__ without an exception in the body.
try:
    with Raiser():
        pass
except TypeError as e:
    assert e.__context__ is None
else:
    raise AssertionError

# Nested: inner __exit__ raises, outer suppresses it.
with Suppress(TypeError) as outer:
    with Raiser():
        raise ValueError("v")
assert isinstance(outer.caught, TypeError)
assert isinstance(outer.caught.__context__, ValueError)

# sys.exc_info inside __exit__ while handling.
import sys
class SeeExcInfo:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        self.info = sys.exc_info()
        return True
with SeeExcInfo() as se:
    raise KeyError("k")
assert se.info[0] is KeyError

# with inside except, and except inside with.
events = []
class Log:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        events.append("enter" + self.n)
    def __exit__(self, t, v, tb):
        events.append("exit%s:%s" % (self.n, t.__name__ if t else "-"))
try:
    raise ValueError
except ValueError:
    with Log("1"):
        events.append("in handler")
with Log("2"):
    try:
        raise KeyError
    except KeyError:
        events.append("handled")
assert events == ["enter1", "in handler", "exit1:-", "enter2", "handled", "exit2:-"], events

# finally + with: exit runs before finally.
events.clear()
try:
    with Log("3"):
        raise IndexError
except IndexError:
    events.append("except")
finally:
    events.append("finally")
assert events == ["enter3", "exit3:IndexError", "except", "finally"]

# Generator-based context manager written by hand (no contextlib).
class GenCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, t, v, tb):
        if t is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(v)
        except StopIteration:
            return True
        except BaseException as e:
            if e is v:
                return False
            raise
        return False
def managed(trace):
    trace.append("setup")
    try:
        yield "resource"
    except ZeroDivisionError:
        trace.append("handled zde")
    finally:
        trace.append("teardown")
tr = []
with GenCM(managed(tr)) as res:
    assert res == "resource"
assert tr == ["setup", "teardown"]
tr = []
with GenCM(managed(tr)):
    1 / 0
assert tr == ["setup", "handled zde", "teardown"]
tr = []
try:
    with GenCM(managed(tr)):
        raise KeyError("through")
except KeyError:
    pass
assert tr == ["setup", "teardown"]

# The exception variable from an outer handler is untouched by a suppressed inner one.
try:
    raise ValueError("outer")
except ValueError as outer_exc:
    with Suppress(KeyError):
        raise KeyError("inner")
    assert str(outer_exc) == "outer"
    assert sys.exc_info()[1] is outer_exc
print("ok")
